/**
 * One role's neighbourhood on the career map: the roles it can move to (right),
 * the roles that move to it (left), documented moves first, then the closest.
 * Columns of rows keep every label clear of every other by construction: labels
 * face outwards, one row each, cut to the room their column has.
 */
import type { LinkKind, RoleSheet } from "../api";
import { compareCodes } from "./naturalOrder";
import {
  fitLabel,
  LABEL_LINE_HEIGHT,
  textWidth,
  wrapLabel,
  type Scene,
  type SceneEdge,
  type SceneNode,
} from "./mapScene";

export interface NeighbourMove {
  code: string;
  title: string;
  family: string;
  kind: LinkKind;
  coverage: number;
  levelSteps: number;
  evidence: string;
}

export interface Neighbourhood {
  centre: { code: string; title: string; family: string };
  /** Moves from the centre, best first. */
  out: NeighbourMove[];
  /** Moves into the centre, best first. */
  in: NeighbourMove[];
}

/** Documented moves first, then the most covered, then the fewest level steps, then by code. */
export function compareMoves(a: NeighbourMove, b: NeighbourMove): number {
  const documented = (m: NeighbourMove) => (m.kind === "documented" ? 0 : 1);
  return (
    documented(a) - documented(b) ||
    b.coverage - a.coverage ||
    a.levelSteps - b.levelSteps ||
    compareCodes(a.code, b.code)
  );
}

export function neighbourhoodOf(
  sheet: RoleSheet,
  familyOf: (code: string) => string,
  onlyDocumented: boolean,
): Neighbourhood {
  const moves = (links: RoleSheet["links_out"]) =>
    links
      .filter((l) => !onlyDocumented || l.kind === "documented")
      .map((l): NeighbourMove => ({
        code: l.role.code,
        title: l.role.title,
        family: familyOf(l.role.code),
        kind: l.kind,
        coverage: l.coverage,
        levelSteps: l.level_steps,
        evidence: l.evidence,
      }))
      .sort(compareMoves);
  return {
    centre: { code: sheet.code, title: sheet.title, family: sheet.family.code },
    out: moves(sheet.links_out),
    in: moves(sheet.links_in),
  };
}

export const NEIGHBOURHOOD_GEOMETRY = {
  /** From the centre to each column. */
  spread: 150,
  margin: 12,
  row: 30,
  top: 80,
  bottom: 40,
  radius: 10,
  centreRadius: 16,
  /** Room for a label beside a column, and for the centre's two lines (between the columns). */
  columnLabel: 270,
  centreLabel: 260,
} as const;

const LABEL_GAP = 3;

export interface NeighbourhoodLinks {
  /** Where a neighbour leads (its own neighbourhood) and where the centre leads (its sheet). */
  neighbourHref: (code: string) => string;
  centreHref: string;
}

/**
 * The scene of a neighbourhood: moves in on the left, moves out on the right (a
 * role that is both sits on the right, with an arc each way), at most `cap` rows a
 * side; what is left out is said in a note and listed beside the map.
 */
export function layoutNeighbourhood(hood: Neighbourhood, links: NeighbourhoodLinks, cap: number): Scene {
  const g = NEIGHBOURHOOD_GEOMETRY;
  const outCodes = new Set(hood.out.map((m) => m.code));
  const inCodes = new Set(hood.in.map((m) => m.code));
  const left = hood.in.filter((m) => !outCodes.has(m.code));
  const right = hood.out;
  const [leftShown, rightShown] = [left.slice(0, cap), right.slice(0, cap)];
  const noteRow = left.length > cap || right.length > cap ? 1 : 0;
  const rows = Math.max(leftShown.length, rightShown.length, 1);
  const height = g.top + (rows + noteRow) * g.row + g.bottom;
  const centreY = g.top + (rows * g.row) / 2;
  const rowY = (count: number, i: number) => g.top + ((rows - count) * g.row) / 2 + i * g.row + g.row / 2;
  // The drawing is as wide as its labels need, so short titles are not drawn tiny.
  const widest = (moves: NeighbourMove[]) =>
    Math.max(0, ...moves.map((m) => textWidth(fitLabel(m.title, g.columnLabel))));
  const centreLines = wrapLabel(hood.centre.title, g.centreLabel);
  const centreWidth = Math.max(...centreLines.map(textWidth));
  const leftX = g.margin + Math.max(widest(leftShown) + g.radius + LABEL_GAP, centreWidth / 2 - g.spread);
  const centreX = leftX + g.spread;
  const rightX = centreX + g.spread;
  const width = rightX + g.margin + Math.max(widest(rightShown) + g.radius + LABEL_GAP, centreWidth / 2 - g.spread);

  const neighbour = (move: NeighbourMove, x: number, y: number, side: "left" | "right"): SceneNode => {
    const label = fitLabel(move.title, g.columnLabel);
    return {
      id: move.code,
      kind: "role",
      code: move.code,
      family: move.family,
      x,
      y,
      radius: g.radius,
      lines: [label],
      labelWidth: textWidth(label),
      side,
      name: move.title,
      action: "show its moves",
      href: links.neighbourHref(move.code),
    };
  };
  const nodes: SceneNode[] = [
    {
      id: hood.centre.code,
      kind: "role",
      code: hood.centre.code,
      family: hood.centre.family,
      x: centreX,
      y: centreY,
      radius: g.centreRadius,
      lines: centreLines,
      labelWidth: centreWidth,
      side: "above",
      name: hood.centre.title,
      action: "open its sheet",
      href: links.centreHref,
    },
    ...leftShown.map((m, i) => neighbour(m, leftX, rowY(leftShown.length, i), "left")),
    ...rightShown.map((m, i) => neighbour(m, rightX, rowY(rightShown.length, i), "right")),
  ];

  const edge = (source: string, target: string, move: NeighbourMove): SceneEdge => ({
    source,
    target,
    count: 1,
    documented: move.kind === "documented" ? 1 : 0,
    kind: move.kind,
    title: `${source === hood.centre.code ? hood.centre.title : move.title} → ${
      target === hood.centre.code ? hood.centre.title : move.title
    }: ${move.kind}, ${move.evidence}`,
  });
  const inMove = new Map(hood.in.map((m) => [m.code, m]));
  const edges: SceneEdge[] = [
    ...leftShown.map((m) => edge(m.code, hood.centre.code, m)),
    ...rightShown.map((m) => edge(hood.centre.code, m.code, m)),
    ...rightShown.flatMap((m) => {
      const back = inCodes.has(m.code) ? inMove.get(m.code) : undefined;
      return back ? [edge(m.code, hood.centre.code, back)] : [];
    }),
  ];

  const noteY = g.top + rows * g.row + g.row / 2 + LABEL_LINE_HEIGHT / 3;
  const notes = [
    ...(left.length > cap
      ? [{ x: leftX, y: noteY, text: `and ${left.length - cap} more, listed beside`, anchor: "end" as const }]
      : []),
    ...(right.length > cap
      ? [{ x: rightX, y: noteY, text: `and ${right.length - cap} more, listed beside`, anchor: "start" as const }]
      : []),
  ];
  return { width, height, nodes, edges, notes };
}
