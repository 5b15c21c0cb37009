/** e-CF proficiency levels as people read them: e-1..e-5, never a bare number. */
import type { LevelInfo } from "../api";

export const MAX_LEVEL = 5;

export function levelLabel(level: number): string {
  return level > 0 ? `e-${level}` : "none";
}

/** The tooltip text of a level: "e-3 (EQF 6): descriptor" (EQF where the scale maps it). */
export function levelDescription(level: number, descriptor: LevelInfo | undefined): string {
  if (level === 0) return "Not held yet";
  if (!descriptor) return `${levelLabel(level)}: this level is not defined for this competence`;
  const eqf = descriptor.eqf ? ` (EQF ${descriptor.eqf})` : "";
  return `${descriptor.label}${eqf}: ${descriptor.descriptor}`;
}
