import { describe, expect, it } from "vitest";
import type { GraphAnswer } from "../api";
import { arcPath, familyAnchors, fitInto, labelBox, layoutGraph, pathLinkKeys, placeLabels } from "./mapLayout";

const graph: GraphAnswer = {
  dataset_version: "test",
  nodes: [
    { code: "3.2", title: "Programmer", family: 3, family_code: "3" },
    { code: "3.4", title: "Applications Architect", family: 3, family_code: "3" },
    { code: "2.3", title: "IT Project Manager", family: 2, family_code: "2" },
    { code: "7.1", title: "CIO", family: 7, family_code: "7" },
  ],
  links: [
    { source: "3.2", target: "3.4", kind: "inferred", coverage: 0.6, level_steps: 5, evidence: "" },
    { source: "3.4", target: "2.3", kind: "documented", coverage: 0.4, level_steps: 9, evidence: "" },
    { source: "3.4", target: "9.9", kind: "inferred", coverage: 0.1, level_steps: 20, evidence: "" },
  ],
};

describe("map layout", () => {
  it("places every role inside the drawing, the same way every time", () => {
    const first = layoutGraph(graph, { width: 800, height: 600 });
    const second = layoutGraph(graph, { width: 800, height: 600 });
    expect([...first.keys()].sort()).toEqual(["2.3", "3.2", "3.4", "7.1"]);
    expect(second).toEqual(first);
    for (const { x, y } of first.values()) {
      expect(x).toBeGreaterThanOrEqual(60);
      expect(x).toBeLessThanOrEqual(740);
      expect(y).toBeGreaterThanOrEqual(60);
      expect(y).toBeLessThanOrEqual(540);
    }
  });

  it("keeps roles of one family closer than roles of different families", () => {
    const at = layoutGraph(graph, { width: 800, height: 600 });
    const d = (a: string, b: string) => Math.hypot(at.get(a)!.x - at.get(b)!.x, at.get(a)!.y - at.get(b)!.y);
    expect(d("3.2", "3.4")).toBeLessThan(d("3.2", "7.1"));
  });

  it("stretches a layout to fill the drawing", () => {
    const fitted = fitInto(
      new Map([
        ["a", { x: 10, y: 10 }],
        ["b", { x: 20, y: 30 }],
        ["c", { x: 15, y: 30 }],
      ]),
      { width: 200, height: 100, margin: 10 },
    );
    expect(fitted.get("a")).toEqual({ x: 10, y: 10 });
    expect(fitted.get("b")).toEqual({ x: 190, y: 90 });
    expect(fitted.get("c")).toEqual({ x: 100, y: 90 });
    expect(fitInto(new Map([["solo", { x: 3, y: 4 }]]), { width: 200, height: 100, margin: 10 }).get("solo")).toEqual({
      x: 100,
      y: 50,
    });
  });

  it("anchors families on a circle, the first at the top", () => {
    const anchors = familyAnchors(["3", "1", "10", "2", "1"], 100, 100);
    expect([...anchors.keys()]).toEqual(["1", "2", "3", "10"]);
    expect(anchors.get("1")!.x).toBeCloseTo(50);
    expect(anchors.get("1")!.y).toBeLessThan(50);
  });

  it("names the links a path uses, in its direction", () => {
    expect(pathLinkKeys(["3.2", "3.4", "2.3"])).toEqual(new Set(["3.2>3.4", "3.4>2.3"]));
    expect(pathLinkKeys(["3.2"]).size).toBe(0);
  });

  it("draws an arc that stops short of both nodes", () => {
    expect(arcPath({ x: 0, y: 0 }, { x: 100, y: 0 }, 10)).toBe("M10.0,0.0 Q50.0,12.0 90.0,0.0");
  });
});

describe("label placement", () => {
  const options = { radius: 10, lineHeight: 14 };

  it("puts a lone label below its node", () => {
    const sides = placeLabels(new Map([["a", { x: 100, y: 100 }]]), new Map([["a", 60]]), options);
    expect(sides.get("a")).toBe("below");
    expect(labelBox({ x: 100, y: 100 }, "below", 60, 10, 14)).toEqual({ x0: 70, x1: 130, y0: 113, y1: 127 });
  });

  it("moves a label away from a node right below", () => {
    const points = new Map([
      ["top", { x: 100, y: 100 }],
      ["under", { x: 100, y: 125 }],
    ]);
    const sides = placeLabels(
      points,
      new Map([
        ["top", 60],
        ["under", 60],
      ]),
      options,
    );
    expect(sides.get("top")).not.toBe("below");
    expect(sides.get("under")).toBe("below");
  });
});
