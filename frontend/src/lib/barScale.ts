/**
 * The scale of the gap chart: levels 0..5 along a bar, as CSS percentages so the
 * chart reflows from a phone to a desktop without measuring anything.
 */
import { MAX_LEVEL } from "./levels";

export function levelPosition(level: number, max = MAX_LEVEL): number {
  const clamped = Math.min(Math.max(level, 0), max);
  return (clamped / max) * 100;
}

export interface BarSegments {
  /** Width of the part already held, in % of the track. */
  held: number;
  /** Start and width of the part still to learn (have..need), in % of the track. */
  toLearnStart: number;
  toLearn: number;
  /** Where the required level sits, in % of the track. */
  needAt: number;
}

export function barSegments(have: number, need: number, max = MAX_LEVEL): BarSegments {
  const held = levelPosition(have, max);
  const needAt = levelPosition(need, max);
  return { held, toLearnStart: held, toLearn: Math.max(0, needAt - held), needAt };
}

/** The tick marks of the level axis: e-1..e-5 at their positions. */
export function levelTicks(max = MAX_LEVEL): { level: number; at: number }[] {
  return Array.from({ length: max }, (_, i) => ({ level: i + 1, at: levelPosition(i + 1, max) }));
}
