/**
 * Geometry of the career map, shared by its views: a deterministic force layout
 * (groups pulled towards anchors on a circle, links pulling related nodes
 * together), arcs for moves, and label boxes placed where they cover least.
 * d3-force seeds its own pseudo-random source, so the same input always gets the
 * same picture.
 */
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from "d3-force";
import { compareCodes } from "./naturalOrder";

export interface Point {
  x: number;
  y: number;
}

/** A node the force layout places: its group (a family), and how much room it and its label take. */
export interface ForceNode {
  id: string;
  group: string;
  radius: number;
  labelWidth: number;
}

export interface LayoutOptions {
  width: number;
  height: number;
  ticks?: number;
}

interface Body extends SimulationNodeDatum {
  id: string;
  group: string;
  room: number;
}

/** Where each group's cluster is pulled to: evenly on a circle, in natural order, the first at the top. */
export function familyAnchors(groups: readonly string[], width: number, height: number): Map<string, Point> {
  const sorted = [...new Set(groups)].sort(compareCodes);
  const radius = Math.min(width, height) * 0.36;
  return new Map(
    sorted.map((group, i) => {
      const angle = (2 * Math.PI * i) / sorted.length - Math.PI / 2;
      return [group, { x: width / 2 + radius * Math.cos(angle), y: height / 2 + radius * Math.sin(angle) }];
    }),
  );
}

/**
 * Positions for `nodes` inside width x height. Nodes keep apart by their own size
 * and half their label (so labels mostly find a free side), groups cluster.
 */
export function layoutForce(
  nodes: readonly ForceNode[],
  links: readonly { source: string; target: string }[],
  { width, height, ticks = 300 }: LayoutOptions,
): Map<string, Point> {
  const anchors = familyAnchors(
    nodes.map((n) => n.group),
    width,
    height,
  );
  const anchor = (group: string): Point => anchors.get(group) ?? { x: width / 2, y: height / 2 };
  const bodies: Body[] = nodes.map((n) => ({
    id: n.id,
    group: n.group,
    room: Math.max(n.radius + 12, Math.min(n.labelWidth / 2, 70) + 6),
    ...anchor(n.group),
  }));
  const known = new Set(bodies.map((b) => b.id));
  const pulls = links
    .filter((l) => known.has(l.source) && known.has(l.target))
    .map((l) => ({ source: l.source, target: l.target }));
  const simulation = forceSimulation(bodies)
    .force("charge", forceManyBody().strength(-260))
    .force(
      "link",
      forceLink<Body, { source: string; target: string }>(pulls)
        .id((b) => b.id)
        .strength(0.03)
        .distance(90),
    )
    .force("x", forceX<Body>((b) => anchor(b.group).x).strength(0.25))
    .force("y", forceY<Body>((b) => anchor(b.group).y).strength(0.25))
    .force(
      "collide",
      forceCollide<Body>((b) => b.room),
    )
    .stop();
  simulation.tick(ticks);
  return fitInto(new Map(bodies.map((b) => [b.id, { x: b.x ?? 0, y: b.y ?? 0 }])), { width, height, margin: 60 });
}

/** Stretches positions to fill the drawing, leaving a margin for the labels. */
export function fitInto(
  points: Map<string, Point>,
  { width, height, margin }: { width: number; height: number; margin: number },
): Map<string, Point> {
  const xs = [...points.values()].map((p) => p.x);
  const ys = [...points.values()].map((p) => p.y);
  const scale = (value: number, min: number, max: number, size: number) =>
    max > min ? margin + ((value - min) / (max - min)) * (size - 2 * margin) : size / 2;
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  return new Map(
    [...points].map(([code, p]) => [code, { x: scale(p.x, minX, maxX, width), y: scale(p.y, minY, maxY, height) }]),
  );
}

export const linkKey = (source: string, target: string): string => `${source}>${target}`;

/** The links a highlighted path uses, as `a>b` keys (in its direction). */
export function pathLinkKeys(path: readonly string[]): Set<string> {
  return new Set(path.slice(1).map((code, i) => linkKey(path[i] ?? "", code)));
}

/**
 * A slightly curved line from a to b that stops short of both nodes (`inset` from
 * a's centre, `insetEnd` from b's), so a move both ways shows as two distinct arcs
 * and arrowheads stay visible.
 */
export function arcPath(a: Point, b: Point, inset: number, insetEnd = inset): string {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / length, dy / length];
  const start = { x: a.x + ux * inset, y: a.y + uy * inset };
  const end = { x: b.x - ux * insetEnd, y: b.y - uy * insetEnd };
  const bend = length * 0.12;
  const control = { x: (start.x + end.x) / 2 - uy * bend, y: (start.y + end.y) / 2 + ux * bend };
  const f = (n: number) => n.toFixed(1);
  return `M${f(start.x)},${f(start.y)} Q${f(control.x)},${f(control.y)} ${f(end.x)},${f(end.y)}`;
}

export type LabelSide = "below" | "above" | "right" | "left";

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const SIDES: readonly LabelSide[] = ["below", "above", "right", "left"];
const LABEL_GAP = 3;

/** The box `lines` label lines of `width` take on one side of a node of `radius` at `p`. */
export function labelBox(p: Point, side: LabelSide, width: number, radius: number, lineHeight: number, lines = 1): Box {
  const height = lineHeight * lines;
  switch (side) {
    case "below":
      return {
        x0: p.x - width / 2,
        x1: p.x + width / 2,
        y0: p.y + radius + LABEL_GAP,
        y1: p.y + radius + LABEL_GAP + height,
      };
    case "above":
      return {
        x0: p.x - width / 2,
        x1: p.x + width / 2,
        y0: p.y - radius - LABEL_GAP - height,
        y1: p.y - radius - LABEL_GAP,
      };
    case "right":
      return {
        x0: p.x + radius + LABEL_GAP,
        x1: p.x + radius + LABEL_GAP + width,
        y0: p.y - height / 2,
        y1: p.y + height / 2,
      };
    case "left":
      return {
        x0: p.x - radius - LABEL_GAP - width,
        x1: p.x - radius - LABEL_GAP,
        y0: p.y - height / 2,
        y1: p.y + height / 2,
      };
  }
}

export function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

export const nodeBox = (p: Point, radius: number): Box => ({
  x0: p.x - radius,
  x1: p.x + radius,
  y0: p.y - radius,
  y1: p.y + radius,
});

export interface Labelled {
  at: Point;
  width: number;
  radius: number;
}

/**
 * Puts each label on the side of its node where it covers the fewest other
 * labels and nodes (greedy, top to bottom); below the node when that is free.
 */
export function placeLabels(items: Map<string, Labelled>, lineHeight: number): Map<string, LabelSide> {
  const nodes: Box[] = [...items.values()].map((item) => nodeBox(item.at, item.radius));
  const placed: Box[] = [];
  const sides = new Map<string, LabelSide>();
  const order = [...items].sort(([, a], [, b]) => a.at.y - b.at.y || a.at.x - b.at.x);
  for (const [id, item] of order) {
    const cost = (box: Box) => [...placed, ...nodes].reduce((sum, other) => sum + overlap(box, other), 0);
    const scored = SIDES.map((side) => ({ side, box: labelBox(item.at, side, item.width, item.radius, lineHeight) }))
      .map((c) => ({ ...c, cost: cost(c.box) }))
      .reduce((best, c) => (c.cost < best.cost ? c : best));
    sides.set(id, scored.side);
    placed.push(scored.box);
  }
  return sides;
}
