/**
 * Every screen is a URL: these functions read a screen's state from the query
 * string and write it back, so reload and share land on the same view.
 * Defaults are left out of URLs to keep them short and stable.
 */
import type { Basis, Profile } from "../api";
import { decodeProfile, encodeProfile } from "./profile";

export type GapSource = { kind: "role"; code: string } | { kind: "profile"; profile: Profile };

export interface GapQuery {
  source: GapSource;
  to: string;
  basis: Basis;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

function text(params: URLSearchParams, key: string): string {
  return (params.get(key) ?? "").trim();
}

export function parseBasis(value: string | null): Basis {
  return value === "mastery" ? "mastery" : "entry";
}

/** Where a question starts: `from=3.2` (a role) or `profile=B1:3,B2:2` (a self-assessment). */
export function parseSource(params: URLSearchParams): Parsed<GapSource> {
  const from = text(params, "from");
  const profileText = text(params, "profile");
  if (from) return { ok: true, value: { kind: "role", code: from } };
  if (profileText) {
    const { profile, rejected } = decodeProfile(profileText);
    if (rejected.length > 0) {
      return { ok: false, reason: `These self-assessment entries are not of the form B1:3: ${rejected.join(", ")}.` };
    }
    if (Object.keys(profile).length === 0) return { ok: false, reason: "The self-assessment is empty." };
    return { ok: true, value: { kind: "profile", profile } };
  }
  return { ok: false, reason: "Choose your current role or rate yourself first." };
}

/** Writes a start into query parameters, as `parseSource` reads it. */
export function setSource(params: URLSearchParams, source: GapSource): void {
  if (source.kind === "role") params.set("from", source.code);
  else params.set("profile", encodeProfile(source.profile));
}

/** Query strings keep `,` and `:` readable: `profile=B1:3,B2:2`. */
export function readableQuery(params: URLSearchParams): string {
  return params.toString().replaceAll("%2C", ",").replaceAll("%3A", ":");
}

export function parseGapQuery(params: URLSearchParams): Parsed<GapQuery> {
  const to = text(params, "to");
  const basis = parseBasis(params.get("basis"));
  if (!to) return { ok: false, reason: "Choose the role you want to become." };
  const source = parseSource(params);
  return source.ok ? { ok: true, value: { source: source.value, to, basis } } : source;
}

export function gapHref(query: GapQuery): string {
  const params = new URLSearchParams();
  setSource(params, query.source);
  params.set("to", query.to);
  if (query.basis !== "entry") params.set("basis", query.basis);
  return `/gap?${readableQuery(params)}`;
}

export interface PathsQuery {
  /** The role held; empty when the paths start from a self-assessment (`profile`). */
  from: string;
  profile?: Profile;
  to: string;
  /** Undefined: the service's default bound (fewest moves + 2, at most 8). */
  maxSteps: number | undefined;
  onlyDocumented: boolean;
  /** Roles the paths never enter. */
  avoid: string[];
}

export const PATH_DEFAULTS = { maxSteps: undefined, onlyDocumented: false } as const;

function codes(params: URLSearchParams, key: string): string[] {
  return text(params, key)
    .split(",")
    .map((code) => code.trim())
    .filter(Boolean);
}
export const MAX_STEPS_CHOICES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export function parsePathsQuery(params: URLSearchParams): Parsed<PathsQuery> {
  const to = text(params, "to");
  const source = parseSource(params);
  if (!to || !source.ok) return { ok: false, reason: "Choose where you start and where you want to go." };
  const steps = Number(params.get("max_steps"));
  const maxSteps = (MAX_STEPS_CHOICES as readonly number[]).includes(steps) ? steps : PATH_DEFAULTS.maxSteps;
  const onlyDocumented = ["1", "true"].includes(text(params, "only_documented"));
  const avoid = codes(params, "avoid");
  const start =
    source.value.kind === "role" ? { from: source.value.code } : { from: "", profile: source.value.profile };
  return { ok: true, value: { ...start, to, maxSteps, onlyDocumented, avoid } };
}

export function pathsHref(query: Pick<PathsQuery, "from" | "to"> & Partial<PathsQuery>): string {
  const params = new URLSearchParams();
  setSource(
    params,
    query.profile && !query.from ? { kind: "profile", profile: query.profile } : { kind: "role", code: query.from },
  );
  params.set("to", query.to);
  if (query.maxSteps !== undefined && query.maxSteps !== PATH_DEFAULTS.maxSteps) {
    params.set("max_steps", String(query.maxSteps));
  }
  if (query.onlyDocumented) params.set("only_documented", "1");
  if (query.avoid && query.avoid.length > 0) params.set("avoid", query.avoid.join(","));
  return `/paths?${readableQuery(params)}`;
}

/**
 * The career map's view, all in its URL:
 * `/map?role=3.2` one role's moves in and out (the default view once a role is chosen),
 * `/map?family=3,5` the families as clusters with these expanded, `/map?all=1` every role,
 * `/map?path=3.2,3.4,2.3` a chain of roles; `path` also highlights in the other views,
 * `only_documented=1` hides inferred moves (those of a highlighted path stay drawn).
 */
export interface MapQuery {
  role: string;
  families: string[];
  all: boolean;
  path: string[];
  onlyDocumented: boolean;
}

export type MapView =
  | { kind: "role"; role: string }
  | { kind: "families"; expanded: string[] }
  | { kind: "all" }
  | { kind: "path"; path: string[] };

const codeList = (value: string): string[] =>
  value
    .split(",")
    .map((code) => code.trim())
    .filter(Boolean);

const flag = (params: URLSearchParams, key: string): boolean => ["1", "true"].includes(text(params, key));

export function parseMapQuery(params: URLSearchParams): MapQuery {
  return {
    role: text(params, "role"),
    families: [...new Set(codeList(text(params, "family")))],
    all: flag(params, "all"),
    path: codeList(text(params, "path")),
    onlyDocumented: flag(params, "only_documented"),
  };
}

/** What the map draws for a query: the whole map, a role, families, a path; else the families, all folded. */
export function mapView(query: MapQuery): MapView {
  if (query.all) return { kind: "all" };
  const role = query.role || (query.path.length === 1 ? (query.path[0] ?? "") : "");
  if (role) return { kind: "role", role };
  if (query.families.length === 0 && query.path.length > 1) return { kind: "path", path: query.path };
  return { kind: "families", expanded: query.families };
}

export function mapHref(query: Partial<MapQuery> = {}): string {
  const params = new URLSearchParams();
  if (query.role) params.set("role", query.role);
  if (query.families && query.families.length > 0) params.set("family", query.families.join(","));
  if (query.all) params.set("all", "1");
  if (query.path && query.path.length > 0) params.set("path", query.path.join(","));
  if (query.onlyDocumented) params.set("only_documented", "1");
  const search = params.toString().replaceAll("%2C", ",").replaceAll("%3A", ":");
  return search ? `/map?${search}` : "/map";
}

/** The start screen remembers the choices made so far: `/?from=3.2&to=3.4`. */
export interface StartQuery {
  from: string;
  to: string;
}

export function parseStartQuery(params: URLSearchParams): StartQuery {
  return { from: text(params, "from"), to: text(params, "to") };
}

export function startHref(query: Partial<StartQuery>): string {
  const params = new URLSearchParams();
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  const search = params.toString();
  return search ? `/?${search}` : "/";
}

/**
 * Which end of a move a suggested role replaces when the API says a code is
 * unknown: the start, if it is a role the catalogue lacks; otherwise the target.
 */
export function unknownEnd(from: string | null, isRole: (code: string) => boolean): "from" | "to" {
  return from !== null && !isRole(from) ? "from" : "to";
}

/** The self-assessment, with the target chosen so far: `/assess?to=3.4`. */
export const assessHref = (to = ""): string => (to ? `/assess?to=${encodeURIComponent(to)}` : "/assess");

export const roleHref = (code: string): string => `/roles/${encodeURIComponent(code)}`;
export const competenceHref = (code: string): string => `/competences/${encodeURIComponent(code)}`;
