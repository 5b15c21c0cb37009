/**
 * The career map by families: each family folded into one node (its roles and the
 * moves inside it counted), or expanded into its roles. Moves between folded
 * families are counted into one edge per pair, and only the strongest few of each
 * family are drawn, so the picture stays readable at any catalogue size.
 */
import type { GraphAnswer } from "../api";
import { layoutForce, linkKey, placeLabels, type ForceNode } from "./mapLayout";
import {
  familyNodeId,
  fitLabel,
  LABEL_LINE_HEIGHT,
  textWidth,
  type Scene,
  type SceneEdge,
  type SceneNode,
} from "./mapScene";

/** Above this many roles the map does not draw them one by one: it cannot be read. */
export const MAP_ROLE_LIMIT = 250;
/** Edges kept from each folded family to other folded families, strongest first. */
export const TOP_FAMILY_EDGES = 3;
/** Above this many roles drawn, their labels show on hover or focus only (the list beside names them all). */
export const QUIET_LABELS_ABOVE = 60;

export interface ClusterOptions {
  expanded: ReadonlySet<string>;
  onlyDocumented: boolean;
  /** Moves drawn whatever the filter (those of a highlighted path), as `a>b` keys. */
  keep: ReadonlySet<string>;
}

export interface ClusterNode {
  id: string;
  kind: "role" | "family";
  code: string;
  family: string;
  name: string;
  /** For a family: its roles, and the moves between them. */
  roles: number;
  inside: number;
}

export interface ClusterGraph {
  nodes: ClusterNode[];
  edges: SceneEdge[];
}

export function clusterGraph(
  graph: GraphAnswer,
  families: readonly { code: string; name: string }[],
  { expanded, onlyDocumented, keep }: ClusterOptions,
): ClusterGraph {
  const familyOf = new Map(graph.nodes.map((n) => [n.code, n.family_code]));
  const titleOf = new Map(graph.nodes.map((n) => [n.code, n.title]));
  const nameOf = new Map(families.map((f) => [f.code, f.name]));
  const nodeOf = (role: string): string => {
    const family = familyOf.get(role) ?? "";
    return expanded.has(family) ? role : familyNodeId(family);
  };
  const inside = new Map<string, number>();
  const counted = new Map<string, SceneEdge>();
  for (const link of graph.links) {
    if (!familyOf.has(link.source) || !familyOf.has(link.target)) continue;
    if (onlyDocumented && link.kind !== "documented" && !keep.has(linkKey(link.source, link.target))) continue;
    const [source, target] = [nodeOf(link.source), nodeOf(link.target)];
    if (source === target) {
      inside.set(source, (inside.get(source) ?? 0) + 1);
      continue;
    }
    const key = linkKey(source, target);
    const edge = counted.get(key);
    const documented = link.kind === "documented" ? 1 : 0;
    if (edge) {
      counted.set(key, { ...edge, count: edge.count + 1, documented: edge.documented + documented });
    } else {
      counted.set(key, { source, target, count: 1, documented, kind: link.kind, title: link.evidence });
    }
  }

  const roleCount = new Map<string, number>();
  for (const node of graph.nodes) roleCount.set(node.family_code, (roleCount.get(node.family_code) ?? 0) + 1);
  const nodes: ClusterNode[] = families.flatMap((family): ClusterNode[] =>
    expanded.has(family.code)
      ? graph.nodes
          .filter((n) => n.family_code === family.code)
          .map((n) => ({
            id: n.code,
            kind: "role",
            code: n.code,
            family: family.code,
            name: n.title,
            roles: 1,
            inside: 0,
          }))
      : [
          {
            id: familyNodeId(family.code),
            kind: "family",
            code: family.code,
            family: family.code,
            name: family.name,
            roles: roleCount.get(family.code) ?? 0,
            inside: inside.get(familyNodeId(family.code)) ?? 0,
          },
        ],
  );
  const nameOfNode = (id: string) =>
    id.startsWith("family:") ? (nameOf.get(id.slice("family:".length)) ?? id) : (titleOf.get(id) ?? id);
  const described = [...counted.values()].map((edge) => ({
    ...edge,
    kind: edge.documented > 0 ? ("documented" as const) : edge.kind,
    title:
      edge.count === 1 && !edge.source.startsWith("family:") && !edge.target.startsWith("family:")
        ? `${nameOfNode(edge.source)} → ${nameOfNode(edge.target)}: ${edge.kind}, ${edge.title}`
        : `${nameOfNode(edge.source)} → ${nameOfNode(edge.target)}: ${movesText(edge.count, edge.documented)}`,
  }));
  return { nodes, edges: strongestBetweenFamilies(described) };
}

export function movesText(count: number, documented: number): string {
  const moves = `${count} ${count === 1 ? "move" : "moves"}`;
  return documented > 0 ? `${moves}, ${documented} documented` : moves;
}

/** Keeps every edge touching a role, and the TOP_FAMILY_EDGES strongest from each folded family to another. */
function strongestBetweenFamilies(edges: SceneEdge[]): SceneEdge[] {
  const folded = (id: string) => id.startsWith("family:");
  const bySource = new Map<string, SceneEdge[]>();
  for (const edge of edges.filter((e) => folded(e.source) && folded(e.target))) {
    bySource.set(edge.source, [...(bySource.get(edge.source) ?? []), edge]);
  }
  const kept = new Set(
    [...bySource.values()].flatMap((list) =>
      [...list].sort((a, b) => b.documented - a.documented || b.count - a.count).slice(0, TOP_FAMILY_EDGES),
    ),
  );
  return edges.filter((e) => !(folded(e.source) && folded(e.target)) || kept.has(e));
}

/** How many roles the map would draw one by one with these families expanded. */
export function drawnRoles(roleCounts: ReadonlyMap<string, number>, expanded: Iterable<string>): number {
  return [...new Set(expanded)].reduce((sum, family) => sum + (roleCounts.get(family) ?? 0), 0);
}

export const CLUSTER_GEOMETRY = { width: 1100, height: 820, roleRadius: 13, roleLabel: 200, familyLabel: 230 } as const;

export const familyRadius = (roles: number): number => Math.min(40, 14 + 3 * Math.sqrt(roles));

export interface ClusterLinks {
  roleHref: (code: string) => string;
  /** Where a folded family leads: the map with it expanded. */
  expandHref: (family: string) => string;
}

/** Lays a cluster graph out: families around a circle, each expanded family's roles around its place. */
export function layoutClusters(cluster: ClusterGraph, links: ClusterLinks): Scene {
  const g = CLUSTER_GEOMETRY;
  const quiet = cluster.nodes.filter((n) => n.kind === "role").length > QUIET_LABELS_ABOVE;
  const labelled = cluster.nodes.map((node) => {
    const text =
      node.kind === "family"
        ? fitLabel(`${node.name} (${node.roles})`, g.familyLabel)
        : fitLabel(node.name, g.roleLabel);
    const radius = node.kind === "family" ? familyRadius(node.roles) : g.roleRadius;
    // A quiet label takes no room: it shows alone, over the rest, when its node has focus.
    const width = quiet && node.kind === "role" ? 0 : textWidth(text);
    return { node, text, radius, width };
  });
  const forceNodes: ForceNode[] = labelled.map(({ node, radius, width }) => ({
    id: node.id,
    group: node.family,
    radius,
    labelWidth: width,
  }));
  const positions = layoutForce(forceNodes, cluster.edges, { width: g.width, height: g.height });
  const sides = placeLabels(
    new Map(
      labelled.map(({ node, radius, width }) => [
        node.id,
        { at: positions.get(node.id) ?? { x: 0, y: 0 }, width, radius },
      ]),
    ),
    LABEL_LINE_HEIGHT,
  );
  const nodes: SceneNode[] = labelled.map(({ node, text, radius }) => {
    const at = positions.get(node.id) ?? { x: 0, y: 0 };
    const family = node.kind === "family";
    return {
      id: node.id,
      kind: node.kind,
      code: node.code,
      family: node.family,
      x: at.x,
      y: at.y,
      radius,
      lines: [text],
      labelWidth: textWidth(text),
      side: sides.get(node.id) ?? "below",
      quiet: quiet && !family,
      name: node.name,
      detail: family
        ? `${node.roles} ${node.roles === 1 ? "role" : "roles"}, ${movesText(node.inside, 0)} inside`
        : undefined,
      action: family ? "expand it" : "show its moves",
      href: family ? links.expandHref(node.code) : links.roleHref(node.code),
    };
  });
  return { width: g.width, height: g.height, nodes, edges: cluster.edges, notes: [] };
}
