import { describe, expect, it } from "vitest";
import {
  arcPath,
  familyAnchors,
  fitInto,
  labelBox,
  layoutForce,
  pathLinkKeys,
  placeLabels,
  type ForceNode,
} from "./mapLayout";

const node = (id: string, group: string): ForceNode => ({ id, group, radius: 13, labelWidth: 80 });
const nodes = [node("3.2", "3"), node("3.4", "3"), node("2.3", "2"), node("7.1", "7")];
const links = [
  { source: "3.2", target: "3.4" },
  { source: "3.4", target: "2.3" },
  { source: "3.4", target: "9.9" },
];

describe("map layout", () => {
  it("places every node inside the drawing, the same way every time", () => {
    const first = layoutForce(nodes, links, { width: 800, height: 600 });
    const second = layoutForce(nodes, links, { width: 800, height: 600 });
    expect([...first.keys()].sort()).toEqual(["2.3", "3.2", "3.4", "7.1"]);
    expect(second).toEqual(first);
    for (const { x, y } of first.values()) {
      expect(x).toBeGreaterThanOrEqual(60);
      expect(x).toBeLessThanOrEqual(740);
      expect(y).toBeGreaterThanOrEqual(60);
      expect(y).toBeLessThanOrEqual(540);
    }
  });

  it("keeps nodes of one group closer than nodes of different groups", () => {
    const at = layoutForce(nodes, links, { width: 800, height: 600 });
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

  it("anchors groups on a circle in natural order, the first at the top", () => {
    const anchors = familyAnchors(["3", "1", "10", "2", "1"], 100, 100);
    expect([...anchors.keys()]).toEqual(["1", "2", "3", "10"]);
    expect(anchors.get("1")!.x).toBeCloseTo(50);
    expect(anchors.get("1")!.y).toBeLessThan(50);
  });

  it("names the links a path uses, in its direction", () => {
    expect(pathLinkKeys(["3.2", "3.4", "2.3"])).toEqual(new Set(["3.2>3.4", "3.4>2.3"]));
    expect(pathLinkKeys(["3.2"]).size).toBe(0);
  });

  it("draws an arc that stops short of both nodes, each by its own size", () => {
    expect(arcPath({ x: 0, y: 0 }, { x: 100, y: 0 }, 10)).toBe("M10.0,0.0 Q50.0,12.0 90.0,0.0");
    expect(arcPath({ x: 0, y: 0 }, { x: 100, y: 0 }, 10, 20)).toBe("M10.0,0.0 Q45.0,12.0 80.0,0.0");
  });
});

describe("label placement", () => {
  const item = (x: number, y: number, width = 60) => ({ at: { x, y }, width, radius: 10 });

  it("puts a lone label below its node", () => {
    const sides = placeLabels(new Map([["a", item(100, 100)]]), 14);
    expect(sides.get("a")).toBe("below");
    expect(labelBox({ x: 100, y: 100 }, "below", 60, 10, 14)).toEqual({ x0: 70, x1: 130, y0: 113, y1: 127 });
    expect(labelBox({ x: 100, y: 100 }, "above", 60, 10, 14, 2)).toEqual({ x0: 70, x1: 130, y0: 59, y1: 87 });
  });

  it("moves a label away from a node right below", () => {
    const sides = placeLabels(
      new Map([
        ["top", item(100, 100)],
        ["under", item(100, 125)],
      ]),
      14,
    );
    expect(sides.get("top")).not.toBe("below");
    expect(sides.get("under")).toBe("below");
  });
});
