/** Grouping by e-CF area, in framework order, for charts, lists and the self-assessment. */
import { AREAS, type AreaInfo } from "./palette";
import { compareCompetenceCodes } from "./profile";

export interface AreaGroup<T> {
  area: AreaInfo;
  items: T[];
}

/** Groups items by the area of their competence code; empty areas are left out. */
export function groupByArea<T>(items: readonly T[], codeOf: (item: T) => string): AreaGroup<T>[] {
  return AREAS.map((area) => ({
    area,
    items: items
      .filter((item) => codeOf(item).charAt(0) === area.code)
      .sort((a, b) => compareCompetenceCodes(codeOf(a), codeOf(b))),
  })).filter((group) => group.items.length > 0);
}
