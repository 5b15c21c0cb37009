/**
 * A deterministic force layout of the career map: roles cluster by family around
 * a circle, career links pull related roles together. d3-force seeds its own
 * pseudo-random source, so the same graph always gets the same picture.
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
import type { GraphAnswer } from "../api";

export interface Point {
  x: number;
  y: number;
}

export interface LayoutOptions {
  width: number;
  height: number;
  ticks?: number;
}

interface Body extends SimulationNodeDatum {
  code: string;
  family: string;
}

/** Where each family's cluster is pulled to: evenly on a circle, the first family at the top. */
export function familyAnchors(families: readonly string[], width: number, height: number): Map<string, Point> {
  const sorted = [...new Set(families)].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  const radius = Math.min(width, height) * 0.36;
  return new Map(
    sorted.map((family, i) => {
      const angle = (2 * Math.PI * i) / sorted.length - Math.PI / 2;
      return [family, { x: width / 2 + radius * Math.cos(angle), y: height / 2 + radius * Math.sin(angle) }];
    }),
  );
}

export function layoutGraph(graph: GraphAnswer, { width, height, ticks = 300 }: LayoutOptions): Map<string, Point> {
  const anchors = familyAnchors(
    graph.nodes.map((n) => n.family_code),
    width,
    height,
  );
  const anchor = (body: Body): Point => anchors.get(body.family) ?? { x: width / 2, y: height / 2 };
  const bodies: Body[] = graph.nodes.map((n) => ({
    code: n.code,
    family: n.family_code,
    ...anchor({ code: n.code, family: n.family_code }),
  }));
  const known = new Set(bodies.map((b) => b.code));
  const links = graph.links
    .filter((l) => known.has(l.source) && known.has(l.target))
    .map((l) => ({ source: l.source, target: l.target }));
  const simulation = forceSimulation(bodies)
    .force("charge", forceManyBody().strength(-260))
    .force(
      "link",
      forceLink<Body, { source: string; target: string }>(links)
        .id((b) => b.code)
        .strength(0.03)
        .distance(90),
    )
    .force("x", forceX<Body>((b) => anchor(b).x).strength(0.25))
    .force("y", forceY<Body>((b) => anchor(b).y).strength(0.25))
    .force("collide", forceCollide(38))
    .stop();
  simulation.tick(ticks);
  return fitInto(new Map(bodies.map((b) => [b.code, { x: b.x ?? 0, y: b.y ?? 0 }])), { width, height, margin: 60 });
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
 * A slightly curved line from a to b that stops `inset` short of both centres,
 * so a move both ways shows as two distinct arcs and arrowheads stay visible.
 */
export function arcPath(a: Point, b: Point, inset: number): string {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / length, dy / length];
  const start = { x: a.x + ux * inset, y: a.y + uy * inset };
  const end = { x: b.x - ux * inset, y: b.y - uy * inset };
  const bend = length * 0.12;
  const control = { x: (start.x + end.x) / 2 - uy * bend, y: (start.y + end.y) / 2 + ux * bend };
  const f = (n: number) => n.toFixed(1);
  return `M${f(start.x)},${f(start.y)} Q${f(control.x)},${f(control.y)} ${f(end.x)},${f(end.y)}`;
}

export type LabelSide = "below" | "above" | "right" | "left";

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const SIDES: readonly LabelSide[] = ["below", "above", "right", "left"];

/** The box a label of `width` takes on one side of a node of `radius` at `p`. */
export function labelBox(p: Point, side: LabelSide, width: number, radius: number, lineHeight: number): Box {
  const gap = 3;
  switch (side) {
    case "below":
      return { x0: p.x - width / 2, x1: p.x + width / 2, y0: p.y + radius + gap, y1: p.y + radius + gap + lineHeight };
    case "above":
      return { x0: p.x - width / 2, x1: p.x + width / 2, y0: p.y - radius - gap - lineHeight, y1: p.y - radius - gap };
    case "right":
      return {
        x0: p.x + radius + gap,
        x1: p.x + radius + gap + width,
        y0: p.y - lineHeight / 2,
        y1: p.y + lineHeight / 2,
      };
    case "left":
      return {
        x0: p.x - radius - gap - width,
        x1: p.x - radius - gap,
        y0: p.y - lineHeight / 2,
        y1: p.y + lineHeight / 2,
      };
  }
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Puts each label on the side of its node where it covers the fewest other
 * labels and nodes (greedy, top to bottom); below the node when that is free.
 */
export function placeLabels(
  points: Map<string, Point>,
  widths: Map<string, number>,
  { radius, lineHeight }: { radius: number; lineHeight: number },
): Map<string, LabelSide> {
  const nodes: Box[] = [...points.values()].map((p) => ({
    x0: p.x - radius,
    x1: p.x + radius,
    y0: p.y - radius,
    y1: p.y + radius,
  }));
  const placed: Box[] = [];
  const sides = new Map<string, LabelSide>();
  const order = [...points].sort(([, a], [, b]) => a.y - b.y || a.x - b.x);
  for (const [code, p] of order) {
    const width = widths.get(code) ?? 0;
    const cost = (box: Box) => [...placed, ...nodes].reduce((sum, other) => sum + overlap(box, other), 0);
    const scored = SIDES.map((side) => ({ side, box: labelBox(p, side, width, radius, lineHeight) }))
      .map((c) => ({ ...c, cost: cost(c.box) }))
      .reduce((best, c) => (c.cost < best.cost ? c : best));
    sides.set(code, scored.side);
    placed.push(scored.box);
  }
  return sides;
}
