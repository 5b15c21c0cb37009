/** A chain of roles on the career map: top to bottom, one move between each two, labels to the right. */
import type { LinkKind } from "../api";
import { fitLabel, LABEL_LINE_HEIGHT, textWidth, type Scene, type SceneNote } from "./mapScene";

export interface PathStop {
  code: string;
  title: string;
  family: string;
}

export interface PathMove {
  kind: LinkKind;
  evidence: string;
}

export const PATH_GEOMETRY = { x: 40, top: 40, row: 70, radius: 13, label: 760, margin: 16 } as const;

export function layoutPath(
  stops: readonly PathStop[],
  moveOf: (source: string, target: string) => PathMove | undefined,
  hrefOf: (code: string) => string,
): Scene {
  const g = PATH_GEOMETRY;
  const y = (i: number) => g.top + i * g.row;
  const nodes = stops.map((stop, i) => {
    const label = fitLabel(stop.title, g.label);
    return {
      id: stop.code,
      kind: "role" as const,
      code: stop.code,
      family: stop.family,
      x: g.x,
      y: y(i),
      radius: g.radius,
      lines: [label],
      labelWidth: textWidth(label),
      side: "right" as const,
      name: stop.title,
      action: "show its moves",
      href: hrefOf(stop.code),
    };
  });
  const pairs = stops.slice(1).map((stop, i) => ({ from: stops[i] as PathStop, to: stop, i }));
  const edges = pairs.flatMap(({ from, to }) => {
    const move = moveOf(from.code, to.code);
    return move
      ? [
          {
            source: from.code,
            target: to.code,
            count: 1,
            documented: move.kind === "documented" ? 1 : 0,
            kind: move.kind,
            title: `${from.title} → ${to.title}: ${move.kind}, ${move.evidence}`,
          },
        ]
      : [];
  });
  const notes: SceneNote[] = pairs
    .filter(({ from, to }) => !moveOf(from.code, to.code))
    .map(({ i }) => ({
      x: g.x + g.radius + 8,
      y: y(i) + g.row / 2 + LABEL_LINE_HEIGHT / 3,
      text: "no direct move",
      anchor: "start",
    }));
  // As wide as the longest label (or note) needs.
  const widest = Math.max(textWidth("no direct move"), ...nodes.map((n) => n.labelWidth));
  const width = g.x + g.radius + 8 + widest + g.margin;
  return { width, height: y(Math.max(stops.length - 1, 0)) + g.top, nodes, edges, notes };
}
