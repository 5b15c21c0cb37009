import { describe, expect, it } from "vitest";
import type { GraphAnswer } from "../api";
import { clusterGraph, drawnRoles, familyRadius, layoutClusters, TOP_FAMILY_EDGES } from "./clusters";

type Link = GraphAnswer["links"][number];
const move = (source: string, target: string, kind: Link["kind"] = "inferred"): Link => ({
  source,
  target,
  kind,
  coverage: 0.5,
  level_steps: 3,
  evidence: "covers 50%",
});
const role = (code: string, family: string) => ({ code, title: `Role ${code}`, family: null, family_code: family });

const graph: GraphAnswer = {
  dataset_version: "t",
  nodes: [role("a1", "A"), role("a2", "A"), role("b1", "B"), role("b2", "B"), role("c1", "C")],
  links: [
    move("a1", "a2"),
    move("a1", "b1"),
    move("a2", "b1", "documented"),
    move("a2", "b2"),
    move("b1", "a1"),
    move("b1", "b2"),
    move("b2", "c1"),
    move("c1", "a1"),
  ],
};
const families = [
  { code: "A", name: "Alpha" },
  { code: "B", name: "Beta" },
  { code: "C", name: "Gamma" },
];
const none = { expanded: new Set<string>(), onlyDocumented: false, keep: new Set<string>() };
const edges = (g: ReturnType<typeof clusterGraph>) =>
  Object.fromEntries(g.edges.map((e) => [`${e.source}>${e.target}`, [e.count, e.documented]]));

describe("the map by families", () => {
  it("folds each family into one node, counting the moves inside it and between families", () => {
    const folded = clusterGraph(graph, families, none);
    expect(folded.nodes.map((n) => [n.id, n.roles, n.inside])).toEqual([
      ["family:A", 2, 1],
      ["family:B", 2, 1],
      ["family:C", 1, 0],
    ]);
    expect(edges(folded)).toEqual({
      "family:A>family:B": [3, 1],
      "family:B>family:A": [1, 0],
      "family:B>family:C": [1, 0],
      "family:C>family:A": [1, 0],
    });
    expect(folded.edges.find((e) => e.source === "family:A")?.title).toBe("Alpha → Beta: 3 moves, 1 documented");
  });

  it("expands a family into its roles, moves to folded families counted per role", () => {
    const open = clusterGraph(graph, families, { ...none, expanded: new Set(["A"]) });
    expect(open.nodes.map((n) => n.id)).toEqual(["a1", "a2", "family:B", "family:C"]);
    expect(edges(open)).toEqual({
      "a1>a2": [1, 0],
      "a1>family:B": [1, 0],
      "a2>family:B": [2, 1],
      "family:B>a1": [1, 0],
      "family:B>family:C": [1, 0],
      "family:C>a1": [1, 0],
    });
    expect(open.edges.find((e) => e.source === "a1" && e.target === "a2")?.title).toBe(
      "Role a1 → Role a2: inferred, covers 50%",
    );
  });

  it("keeps documented moves only when asked, and the moves of a highlighted path", () => {
    const documented = clusterGraph(graph, families, { ...none, onlyDocumented: true, keep: new Set(["b2>c1"]) });
    expect(edges(documented)).toEqual({ "family:A>family:B": [1, 1], "family:B>family:C": [1, 0] });
  });

  it("draws only the strongest few edges from each folded family to the others", () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ code: `F${i}`, name: `F${i}` }));
    const big: GraphAnswer = {
      dataset_version: "t",
      nodes: many.map((f) => role(`${f.code}r`, f.code)),
      links: many.slice(1).flatMap((f, i) => Array.from({ length: i + 1 }, () => move("F0r", `${f.code}r`))),
    };
    const drawn = clusterGraph(big, many, none).edges.filter((e) => e.source === "family:F0");
    expect(drawn).toHaveLength(TOP_FAMILY_EDGES);
    expect(drawn.map((e) => e.count).sort()).toEqual([3, 4, 5]);
  });

  it("counts the roles expanded families would draw", () => {
    const counts = new Map([
      ["A", 120],
      ["B", 200],
    ]);
    expect(drawnRoles(counts, ["A", "B", "A"])).toBe(320);
    expect(drawnRoles(counts, [])).toBe(0);
  });

  it("lays the clusters out with family nodes sized by their roles and links to expand them", () => {
    const scene = layoutClusters(clusterGraph(graph, families, { ...none, expanded: new Set(["A"]) }), {
      roleHref: (code) => `/map?role=${code}`,
      expandHref: (family) => `/map?family=A,${family}`,
    });
    const b = scene.nodes.find((n) => n.id === "family:B")!;
    expect(b.radius).toBe(familyRadius(2));
    expect(b.href).toBe("/map?family=A,B");
    expect(b.lines).toEqual(["Beta (2)"]);
    expect(b.detail).toBe("2 roles, 1 move inside");
    expect(scene.nodes.find((n) => n.id === "a1")?.href).toBe("/map?role=a1");
    for (const n of scene.nodes) {
      expect(n.x).toBeGreaterThan(0);
      expect(n.x).toBeLessThan(scene.width);
    }
    expect(familyRadius(10_000)).toBe(40);
  });
});
