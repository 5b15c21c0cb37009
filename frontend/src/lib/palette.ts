/**
 * Colours that carry meaning: one per family (career map) and one per e-CF area
 * (gap charts). Every colour keeps at least 3:1 contrast on white (WCAG 1.4.11),
 * and the UI never relies on colour alone: a legend or text label always goes with it.
 */
/** The five e-CF areas; the contract sends an area as a plain string (`CompetenceRef.area`). */
export type AreaCode = "A" | "B" | "C" | "D" | "E";

export interface AreaInfo {
  code: AreaCode;
  name: string;
  colour: string;
}

/** The five e-CF areas in framework order (A..E); their names are the e-CF's own. */
export const AREAS: readonly AreaInfo[] = [
  { code: "A", name: "PLAN", colour: "#3366AA" },
  { code: "B", name: "BUILD", colour: "#22803A" },
  { code: "C", name: "RUN", colour: "#A06A00" },
  { code: "D", name: "ENABLE", colour: "#AA3377" },
  { code: "E", name: "MANAGE", colour: "#C4321A" },
];

const FAMILY_COLOURS = ["#0072B2", "#D55E00", "#007A5A", "#B8478F", "#A66E00", "#5B4BB7", "#666666"];

export function area(code: string): AreaInfo {
  const found = AREAS.find((a) => a.code === code.charAt(0).toUpperCase());
  if (!found) throw new Error(`unknown e-CF area ${code}`);
  return found;
}

/** A family's colour: by number for numbered families (CIGREF 1..7), else by its code's hash. */
export function familyColour(family: string): string {
  const number = Number(family);
  const index = Number.isInteger(number) && number > 0 ? number - 1 : hash(family);
  return FAMILY_COLOURS[index % FAMILY_COLOURS.length] ?? "#666666";
}

function hash(text: string): number {
  return [...text].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
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
