/**
 * What the career map draws, whatever the view: a scene of nodes (roles, or
 * families folded into one node) and edges (moves, or moves counted between
 * families), each node with its label already placed. The views (neighbourhood,
 * families, path) build scenes; one component draws any scene.
 */
import type { LinkKind } from "../api";
import type { LabelSide } from "./mapLayout";

export const LABEL_LINE_HEIGHT = 15;
/** An estimate of a 13px label's width per character: enough to keep labels apart. */
const CHAR_WIDTH = 7;

export const textWidth = (text: string): number => text.length * CHAR_WIDTH;

/**
 * `text` cut to fit `width`, on a word boundary where there is one, with an ellipsis;
 * the full text goes in the node's title and accessible name (which so still contains
 * every visible word).
 */
export function fitLabel(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  const keep = Math.max(1, Math.floor(width / CHAR_WIDTH) - 1);
  const cut = text.slice(0, keep);
  const space = text.charAt(keep) === " " ? keep : cut.lastIndexOf(" ");
  return `${(space > 0 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** `text` on at most two lines of `width`, cut on words; the second line is cut to fit. */
export function wrapLabel(text: string, width: number): string[] {
  if (textWidth(text) <= width) return [text];
  const words = text.split(/\s+/);
  let first = "";
  while (words.length > 0 && textWidth(`${first} ${words[0]}`.trim()) <= width)
    first = `${first} ${words.shift()}`.trim();
  if (!first) return [fitLabel(text, width)];
  return [first, fitLabel(words.join(" "), width)];
}

export interface SceneNode {
  /** A role's code, or `family:<code>` for a folded family. */
  id: string;
  kind: "role" | "family";
  /** The role's or the family's own code. */
  code: string;
  family: string;
  x: number;
  y: number;
  radius: number;
  /** What the label shows (cut to fit), one entry per line. */
  lines: string[];
  /** The label's width as drawn, for checks that labels keep apart. */
  labelWidth: number;
  side: LabelSide;
  /** The full name, for the node's tooltip and accessible name. */
  name: string;
  /** What else its accessible name says (a family's size), if anything. */
  detail?: string;
  /** Label drawn only when the node is highlighted, hovered or focused (dense scenes). */
  quiet?: boolean;
  /** What following the node does, in words for its accessible name ("show its moves"). */
  action: string;
  href: string;
}

export interface SceneEdge {
  source: string;
  target: string;
  /** How many moves between roles it stands for (1: one move). */
  count: number;
  /** How many of them the source document names. */
  documented: number;
  /** One move's kind; for several, documented when any is. */
  kind: LinkKind;
  title: string;
}

/** A line of text the scene writes (e.g. "and 12 more moves in, listed beside"). */
export interface SceneNote {
  x: number;
  y: number;
  text: string;
  anchor: "start" | "middle" | "end";
}

export interface Scene {
  width: number;
  height: number;
  nodes: SceneNode[];
  edges: SceneEdge[];
  notes: SceneNote[];
}

export const familyNodeId = (family: string): string => `family:${family}`;
