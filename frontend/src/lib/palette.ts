/**
 * Colours that carry meaning: one per family (career map) and one per area of
 * competences (gap charts), assigned in the dataset's order. Every colour keeps at
 * least 3:1 contrast on white (WCAG 1.4.11), and the UI never relies on colour
 * alone: a legend or text label always goes with it. Past the end of a palette
 * the colours repeat, the names beside them still tell groups apart.
 */

/** An area of competences (the e-CF's PLAN..MANAGE) with its colour. */
export interface AreaInfo {
  code: string;
  name: string;
  colour: string;
}

/** The first five are the e-CF's PLAN, BUILD, RUN, ENABLE, MANAGE, as they always were. */
export const AREA_COLOURS = [
  "#3366AA",
  "#22803A",
  "#A06A00",
  "#AA3377",
  "#C4321A",
  "#5B4BB7",
  "#007A7A",
  "#8A6200",
  "#B8478F",
  "#4A6B00",
  "#0072B2",
  "#7A5230",
] as const;

export const FAMILY_COLOURS = ["#0072B2", "#D55E00", "#007A5A", "#B8478F", "#A66E00", "#5B4BB7", "#666666"] as const;

const cycle = (colours: readonly string[], index: number): string =>
  colours[((index % colours.length) + colours.length) % colours.length] ?? "#666666";

/** The dataset's areas, in its order, each with its colour. */
export function areasWithColours(areas: readonly { code: string; name: string }[]): AreaInfo[] {
  return areas.map((a, i) => ({ code: a.code, name: a.name, colour: cycle(AREA_COLOURS, i) }));
}

/** The colour of the family at `index` in the dataset's order (CIGREF's 1..7 get one each). */
export function familyColour(index: number): string {
  return cycle(FAMILY_COLOURS, index);
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
