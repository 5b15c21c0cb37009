/**
 * The URLs of the screens that follow a gap: what unlocks what (`/unlocks`), a plan to
 * keep (`/plan`) and targets side by side (`/compare`). Each starts from a role
 * (`from=3.2`) or a self-assessment (`profile=B1:3,B2:2`), as the gap does.
 */
import type { From } from "../api";
import { decodeProfile, encodeProfile } from "./profile";
import { parseSource, readableQuery, setSource, type GapSource, type Parsed } from "./urlState";

export const COMPARE_MOST = 4;

function codes(params: URLSearchParams, key: string): string[] {
  return (params.get(key) ?? "")
    .split(",")
    .map((code) => code.trim())
    .filter(Boolean);
}

/** The API's `from` for a start read from a URL. */
export function fromOf(source: GapSource): From {
  return source.kind === "role" ? { role: source.code } : { profile: source.profile };
}

/**
 * A start as one string ("role:3.2", "profile:B1:3,B2:2"): a stable dependency for
 * loading, where a profile parsed from the URL is a new object on every render.
 */
export function sourceKey(source: GapSource): string {
  return source.kind === "role" ? `role:${source.code}` : `profile:${encodeProfile(source.profile)}`;
}

/** The API's `from` for a `sourceKey`. */
export function fromKey(key: string): From {
  return key.startsWith("role:") ? { role: key.slice(5) } : { profile: decodeProfile(key.slice(8)).profile };
}

function href(screen: string, source: GapSource, rest: Record<string, string>): string {
  const params = new URLSearchParams();
  setSource(params, source);
  for (const [key, value] of Object.entries(rest)) if (value) params.set(key, value);
  return `/${screen}?${readableQuery(params)}`;
}

export interface UnlocksQuery {
  source: GapSource;
  /** A target whose gap the raises should close; empty for none. */
  to: string;
}

export function parseUnlocksQuery(params: URLSearchParams): Parsed<UnlocksQuery> {
  const source = parseSource(params);
  return source.ok ? { ok: true, value: { source: source.value, to: (params.get("to") ?? "").trim() } } : source;
}

export const unlocksHref = (query: UnlocksQuery): string => href("unlocks", query.source, { to: query.to });

export interface PlanQuery {
  source: GapSource;
  to: string;
  /** The path to follow, as paths list it; empty: the best path. */
  path: string[];
}

export function parsePlanQuery(params: URLSearchParams): Parsed<PlanQuery> {
  const to = (params.get("to") ?? "").trim();
  if (!to) return { ok: false, reason: "Choose the role you want to become." };
  const source = parseSource(params);
  return source.ok ? { ok: true, value: { source: source.value, to, path: codes(params, "path") } } : source;
}

export const planHref = (query: PlanQuery): string =>
  href("plan", query.source, { to: query.to, path: query.path.join(",") });

export interface CompareQuery {
  source: GapSource;
  /** Up to four target roles, each once. */
  to: string[];
}

export function parseCompareQuery(params: URLSearchParams): Parsed<CompareQuery> {
  const source = parseSource(params);
  const to = [...new Set(codes(params, "to"))].slice(0, COMPARE_MOST);
  return source.ok ? { ok: true, value: { source: source.value, to } } : source;
}

export const compareHref = (query: CompareQuery): string => href("compare", query.source, { to: query.to.join(",") });
