/**
 * The scale of the gap chart: levels 0..top along a bar (top: the dataset's highest
 * level), as CSS percentages so the chart reflows from a phone to a desktop
 * without measuring anything.
 */

export function levelPosition(level: number, top: number): number {
  const clamped = Math.min(Math.max(level, 0), top);
  return (clamped / top) * 100;
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

export function barSegments(have: number, need: number, top: number): BarSegments {
  const held = levelPosition(have, top);
  const needAt = levelPosition(need, top);
  return { held, toLearnStart: held, toLearn: Math.max(0, needAt - held), needAt };
}

/** The tick marks of the level axis: levels 1..top at their positions. */
export function levelTicks(top: number): { level: number; at: number }[] {
  return Array.from({ length: top }, (_, i) => ({ level: i + 1, at: levelPosition(i + 1, top) }));
}
