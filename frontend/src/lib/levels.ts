/** e-CF proficiency levels as people read them: e-1..e-5, never a bare number. */
import type { LevelDescriptor } from "../api";

export const MAX_LEVEL = 5;

export function levelLabel(level: number): string {
  return level > 0 ? `e-${level}` : "none";
}

/** "e-2, e-3 and e-4": the levels of a competence, or of a requirement stated as several. */
export function levelsLabel(levels: readonly number[]): string {
  const labels = levels.map(levelLabel);
  if (labels.length <= 1) return labels[0] ?? "";
  return `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`;
}

/** The tooltip text of a level: "e-3 (EQF 6): descriptor". */
export function levelDescription(level: number, descriptor: LevelDescriptor | undefined): string {
  if (level === 0) return "Not held yet";
  if (!descriptor) return `${levelLabel(level)}: this level is not defined for this competence`;
  return `${levelLabel(level)} (EQF ${descriptor.eqf}): ${descriptor.descriptor}`;
}
