/** Numbers of the HR screens, as people read them, and the heatmap's colour bands. */
import type { BenchCounts } from "./api";

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A count as printed: a withheld one (null: too few people, docs/workforce.md) says so. */
export function figure(value: number | null): string {
  return value === null ? "withheld" : String(value);
}

/** A count for drawing and sorting: a withheld one is a small group, drawn as none. */
export function drawn(value: number | null): number {
  return value ?? 0;
}

/** The bench of a role: everyone ready now or soon outside it. */
export function benchSize(counts: Pick<BenchCounts, "ready_now" | "ready_soon">): number {
  return drawn(counts.ready_now) + drawn(counts.ready_soon);
}

/** Thinnest bench first, then fewer holders, then the catalogue's order (a stable sort). */
export function thinnestFirst<T extends BenchCounts>(roles: T[]): T[] {
  return [...roles].sort((a, b) => benchSize(a) - benchSize(b) || drawn(a.holders) - drawn(b.holders));
}

/** The colour band of a heatmap share: 0 (under 25%) .. 4 (90% and more). */
export const HEAT_BANDS = [
  { band: 0, label: "under 25%" },
  { band: 1, label: "25–49%" },
  { band: 2, label: "50–74%" },
  { band: 3, label: "75–89%" },
  { band: 4, label: "90% and more" },
] as const;

export function heatBand(share: number): number {
  if (share >= 0.9) return 4;
  if (share >= 0.75) return 3;
  if (share >= 0.5) return 2;
  return share >= 0.25 ? 1 : 0;
}

/** Width in % of a bar showing `value` on a scale up to `max` (0 when there is nothing). */
export function barWidth(value: number, max: number): number {
  return max > 0 ? (Math.max(0, value) / max) * 100 : 0;
}

/** A threshold from the URL: 0 < t <= 1, else the service's default (undefined). */
export function parseThreshold(text: string | null): number | undefined {
  const value = Number(text);
  return text && value > 0 && value <= 1 ? value : undefined;
}
