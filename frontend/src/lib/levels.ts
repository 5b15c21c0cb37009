/**
 * Proficiency levels as people read them, in the dataset's own words (e-1..e-5
 * for the e-CF, "Novice".."Master" elsewhere): never a bare number.
 */
import type { LevelInfo } from "../api";

/** A dataset's level scale: the name of each level 1..n. */
export interface LevelScale {
  labels: readonly string[];
}

export function topLevel(scale: LevelScale): number {
  return scale.labels.length;
}

export function levelLabel(scale: LevelScale, level: number): string {
  if (level <= 0) return "none";
  return scale.labels[level - 1] ?? `level ${level}`;
}

/** The tooltip text of a level: "e-3 (EQF 6): descriptor" (EQF where the scale maps it). */
export function levelDescription(scale: LevelScale, level: number, descriptor: LevelInfo | undefined): string {
  if (level === 0) return "Not held yet";
  if (!descriptor) return `${levelLabel(scale, level)}: this level is not defined for this competence`;
  const eqf = descriptor.eqf ? ` (EQF ${descriptor.eqf})` : "";
  return `${descriptor.label}${eqf}: ${descriptor.descriptor}`;
}
