/** Words for a plan: what a role sheet asks of experience, and the file name of a plan. */
import type { SheetExperience } from "../api";

/** What the sheet says of the experience and profile it asks, only where it says it. */
export function experienceLines(career: SheetExperience | null): string[] {
  if (!career) return [];
  const lines: string[] = [];
  if (career.min_experience_years !== null && career.min_experience_years !== undefined) {
    lines.push(`At least ${career.min_experience_years} years of experience`);
  }
  if (career.experience) lines.push(`Experience: ${career.experience}`);
  if (career.profile) lines.push(`Profile: ${career.profile}`);
  return lines;
}

export function planFileName(from: string, to: string): string {
  return `plan_${from || "self-assessment"}_to_${to}.md`;
}
