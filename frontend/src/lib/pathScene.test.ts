import { describe, expect, it } from "vitest";
import { layoutPath } from "./pathScene";

const stop = (code: string) => ({ code, title: `Role ${code}`, family: "f" });

describe("a path on the map", () => {
  it("stacks the roles top to bottom, draws each move and says where there is none", () => {
    const moves = new Map([["a>b", { kind: "documented" as const, evidence: "“quote”" }]]);
    const scene = layoutPath(
      [stop("a"), stop("b"), stop("c")],
      (s, t) => moves.get(`${s}>${t}`),
      (c) => `/map?role=${c}`,
    );
    expect(scene.nodes.map((n) => [n.id, n.lines[0]])).toEqual([
      ["a", "Role a"],
      ["b", "Role b"],
      ["c", "Role c"],
    ]);
    const ys = scene.nodes.map((n) => n.y);
    expect(ys).toEqual([...ys].sort((x, y) => x - y));
    expect(scene.edges.map((e) => [e.source, e.target, e.kind])).toEqual([["a", "b", "documented"]]);
    expect(scene.notes.map((n) => n.text)).toEqual(["no direct move"]);
    expect(scene.height).toBeGreaterThan(ys[2]!);
  });
});
