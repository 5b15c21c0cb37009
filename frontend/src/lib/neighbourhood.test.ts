import { describe, expect, it } from "vitest";
import type { RoleSheet } from "../api";
import { nodeBox, labelBox, overlap, type Box } from "./mapLayout";
import { LABEL_LINE_HEIGHT, type Scene } from "./mapScene";
import {
  compareMoves,
  layoutNeighbourhood,
  NEIGHBOURHOOD_GEOMETRY,
  neighbourhoodOf,
  type NeighbourMove,
} from "./neighbourhood";

type Link = RoleSheet["links_out"][number];
const link = (code: string, kind: Link["kind"], coverage: number, steps = 5): Link => ({
  role: { code, title: `Role ${code}` },
  kind,
  coverage,
  level_steps: steps,
  evidence: kind === "documented" ? "“they may become”" : "covers",
});

const sheet = (out: Link[], into: Link[]): RoleSheet =>
  ({
    code: "c",
    title: "Centre role",
    family: { code: "f", number: null, name: "Family" },
    links_out: out,
    links_in: into,
  }) as unknown as RoleSheet;

const links = { neighbourHref: (code: string) => `/map?role=${code}`, centreHref: "/roles/c" };

/** Every label box and node box of a scene. */
function boxes(scene: Scene): { id: string; label: Box; node: Box }[] {
  return scene.nodes.map((n) => ({
    id: n.id,
    label: labelBox({ x: n.x, y: n.y }, n.side, n.labelWidth, n.radius, LABEL_LINE_HEIGHT, n.lines.length),
    node: nodeBox({ x: n.x, y: n.y }, n.radius),
  }));
}

describe("a role's neighbourhood", () => {
  it("orders moves documented first, then by coverage, then by fewest level steps", () => {
    const moves = [
      { code: "a", kind: "inferred", coverage: 0.9, levelSteps: 3 },
      { code: "b", kind: "documented", coverage: 0.2, levelSteps: 9 },
      { code: "c", kind: "inferred", coverage: 0.9, levelSteps: 1 },
      { code: "d", kind: "inferred", coverage: 0.95, levelSteps: 8 },
    ] as NeighbourMove[];
    expect([...moves].sort(compareMoves).map((m) => m.code)).toEqual(["b", "d", "c", "a"]);
  });

  it("keeps only documented moves when asked", () => {
    const hood = neighbourhoodOf(
      sheet([link("x", "inferred", 0.9), link("y", "documented", 0.1)], [link("z", "inferred", 0.5)]),
      () => "f",
      true,
    );
    expect(hood.out.map((m) => m.code)).toEqual(["y"]);
    expect(hood.in).toEqual([]);
  });

  it("draws moves in on the left, moves out on the right, a two-way move once with an arc each way", () => {
    const hood = neighbourhoodOf(
      sheet(
        [link("out1", "inferred", 0.7), link("both", "documented", 0.4)],
        [link("in1", "inferred", 0.6), link("both", "inferred", 0.3)],
      ),
      () => "f",
      false,
    );
    const scene = layoutNeighbourhood(hood, links, 20);
    const at = new Map(scene.nodes.map((n) => [n.id, n]));
    const [centre, left, right] = [at.get("c")!.x, at.get("in1")!.x, at.get("out1")!.x];
    expect(centre - left).toBe(NEIGHBOURHOOD_GEOMETRY.spread);
    expect(right - centre).toBe(NEIGHBOURHOOD_GEOMETRY.spread);
    expect(at.get("both")?.x).toBe(right);
    expect(scene.nodes.filter((n) => n.id === "both")).toHaveLength(1);
    expect(scene.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual(["both>c", "c>both", "c>out1", "in1>c"]);
    // documented first on its side; the centre leads to its sheet, neighbours to their own moves
    expect(scene.nodes.filter((n) => n.x === right).map((n) => n.id)).toEqual(["both", "out1"]);
    expect(at.get("c")?.href).toBe("/roles/c");
    expect(at.get("out1")?.href).toBe("/map?role=out1");
  });

  it("keeps every label clear of every other label and node, however many and however long", () => {
    const long = (code: string) => ({
      ...link(code, "inferred", 0.5),
      role: { code, title: `An occupation with a very long title indeed, number ${code}, of the catalogue` },
    });
    const many = Array.from({ length: 30 }, (_, i) => long(`o${i}`));
    const hood = neighbourhoodOf(
      {
        ...sheet(
          many,
          Array.from({ length: 25 }, (_, i) => long(`i${i}`)),
        ),
        title: "A centre role whose title is far longer than any column could hold on one line",
      },
      () => "f",
      false,
    );
    const scene = layoutNeighbourhood(hood, links, 20);
    expect(scene.nodes).toHaveLength(41);
    const all = boxes(scene);
    for (const a of all) {
      expect(a.label.x0).toBeGreaterThanOrEqual(0);
      expect(a.label.x1).toBeLessThanOrEqual(scene.width);
      expect(a.label.y0).toBeGreaterThanOrEqual(0);
      for (const b of all) {
        if (a.id === b.id) continue;
        expect(overlap(a.label, b.label), `${a.id} / ${b.id}`).toBe(0);
        expect(overlap(a.label, b.node), `${a.id} / node ${b.id}`).toBe(0);
      }
    }
    const centre = scene.nodes.find((n) => n.id === "c")!;
    expect(centre.lines).toHaveLength(2);
    expect(centre.lines[1]?.endsWith("…")).toBe(true);
    expect(scene.notes.map((n) => n.text)).toEqual(["and 5 more, listed beside", "and 10 more, listed beside"]);
  });

  it("draws a role without moves alone", () => {
    const scene = layoutNeighbourhood(
      neighbourhoodOf(sheet([], []), () => "f", false),
      links,
      20,
    );
    expect(scene.nodes.map((n) => n.id)).toEqual(["c"]);
    expect(scene.edges).toEqual([]);
  });
});
