/** Numbers people understand: "7 level steps to go, 62% covered". */
import type { GapStatus, GapSummary } from "../api";

export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function stepsToGo(levelSteps: number): string {
  return levelSteps === 0 ? "Nothing left to learn" : `${plural(levelSteps, "level step")} to go`;
}

export function gapHeadline(summary: GapSummary): string {
  return `${stepsToGo(summary.level_steps)}, ${percent(summary.coverage)} covered`;
}

export const STATUS_TEXT: Record<GapStatus, { label: string; icon: string; explain: string }> = {
  missing: { label: "Missing", icon: "✕", explain: "not held yet" },
  raise: { label: "To raise", icon: "▲", explain: "held below the level needed" },
  met: { label: "Met", icon: "✓", explain: "held at the level needed" },
};

export function statusCounts(summary: GapSummary): string {
  return (["missing", "raise", "met"] as const)
    .map((status) => `${summary[status]} ${STATUS_TEXT[status].label.toLowerCase()}`)
    .join(", ");
}
