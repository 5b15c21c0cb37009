/** Grouping competences by their area, in the dataset's order, for charts, lists and the self-assessment. */
import { compareCodes } from "./naturalOrder";
import type { AreaInfo } from "./palette";

export interface AreaGroup<T> {
  area: AreaInfo;
  items: T[];
}

/** The group of competences whose area the dataset does not list (never expected, never hidden). */
const OTHER = (code: string): AreaInfo => ({ code, name: `Area ${code}`, colour: "#666666" });

/**
 * Groups items by the area of their competence, areas in `areas` order and codes in
 * natural order (B2 before B10); empty areas are left out.
 */
export function groupByArea<T>(
  items: readonly T[],
  competenceOf: (item: T) => { code: string; area: string },
  areas: readonly AreaInfo[],
): AreaGroup<T>[] {
  const known = new Set(areas.map((a) => a.code));
  const unknown = [...new Set(items.map((item) => competenceOf(item).area).filter((code) => !known.has(code)))];
  return [...areas, ...unknown.sort(compareCodes).map(OTHER)]
    .map((area) => ({
      area,
      items: items
        .filter((item) => competenceOf(item).area === area.code)
        .sort((a, b) => compareCodes(competenceOf(a).code, competenceOf(b).code)),
    }))
    .filter((group) => group.items.length > 0);
}
