/**
 * The typed client for the careergraph HTTP API v1 (see DESIGN.md, "HTTP API (v1)").
 *
 * Every request the UI makes goes through this module, so a change of the
 * contract is adapted in one place. Errors come back as RFC 9457 problem+json
 * and are raised as `ApiError`, which keeps the problem's fields.
 */

export type AreaCode = "A" | "B" | "C" | "D" | "E";
export type Basis = "entry" | "mastery";
export type GapStatus = "missing" | "raise" | "met";
export type LinkKind = "documented" | "inferred";
/** A self-assessment: competence code -> level held (1..5). */
export type Profile = Record<string, number>;

export interface RoleRef {
  code: string;
  title: string;
}

export interface CompetenceRef {
  code: string;
  title: string;
  area: AreaCode;
}

export interface FamilyRef {
  number: number;
  name: string;
}

export interface Family extends FamilyRef {
  description: string;
  roles: RoleRef[];
}

export interface RoleSummary extends RoleRef {
  family: FamilyRef;
  alt_titles: string[];
}

export interface Activity {
  name: string;
  tasks: string[];
}

/** A competence a role requires, with every level its sheet states (`level`..`level_max`). */
export interface RequiredCompetence extends CompetenceRef {
  level: number;
  level_max: number;
  levels: number[];
}

export interface CareerPath {
  profile: string;
  experience: string;
  note: string | null;
  min_experience_years: number | null;
}

/** A career link from or to a role; `evidence` quotes the document when documented. */
export interface RoleLinkInfo {
  role: RoleRef;
  kind: LinkKind;
  coverage: number;
  level_steps: number;
  evidence: string;
}

export interface Role extends RoleSummary {
  mission: string;
  activities: Activity[];
  competences: RequiredCompetence[];
  deliverables: string[];
  kpis: string[];
  career: CareerPath;
  trends: string;
  career_mentions: string[];
  links_out: RoleLinkInfo[];
  links_in: RoleLinkInfo[];
  related: { role: RoleRef; similarity: number }[];
}

export interface LevelDescriptor {
  level: number;
  eqf: string;
  descriptor: string;
}

export interface KnowledgeItem {
  key: string;
  text: string;
}

export interface CompetenceSummary extends CompetenceRef {
  area_name: string;
  /** The applicable levels; their descriptors are on the competence sheet. */
  levels: number[];
}

export interface RoleRequiring extends RoleRef {
  level: number;
  level_max: number;
  levels: number[];
}

export interface Competence extends CompetenceRef {
  area_name: string;
  description: string;
  levels: LevelDescriptor[];
  knowledge: KnowledgeItem[];
  skills: KnowledgeItem[];
  roles: RoleRequiring[];
}

export interface Learn {
  levels: LevelDescriptor[];
  knowledge: KnowledgeItem[];
  skills: KnowledgeItem[];
}

export interface GapItem {
  competence: CompetenceRef;
  have: number;
  need: number;
  delta: number;
  status: GapStatus;
  learn: Learn;
}

export interface TransferableItem {
  competence: CompetenceRef;
  have: number;
}

export interface GapSummary {
  level_steps: number;
  required_steps: number;
  coverage: number;
  missing: number;
  raise: number;
  met: number;
}

/** Who holds what: a role's entry levels, or a self-assessment. */
export interface Holder {
  kind: "role" | "profile";
  role?: RoleRef | null;
  holdings: Profile;
}

export interface Gap {
  from: Holder;
  to: RoleRef;
  basis: Basis;
  dataset_version: string;
  items: GapItem[];
  transferable: TransferableItem[];
  summary: GapSummary;
}

export interface NextMove {
  role: RoleRef;
  coverage: number;
  level_steps: number;
  documented: boolean;
}

export interface NextMoves {
  from: Holder;
  moves: NextMove[];
}

export interface Gain {
  competence: CompetenceRef;
  from: number;
  to: number;
}

export interface PathStep {
  from: string;
  to: string;
  kind: LinkKind;
  cost: number;
  gains: Gain[];
  /** The document's sentence for a documented move; how it was inferred otherwise. */
  evidence: string;
}

export interface CareerPathOption {
  roles: string[];
  cost: number;
  steps: PathStep[];
}

export interface Paths {
  from: RoleRef;
  to: RoleRef;
  dataset_version: string;
  paths: CareerPathOption[];
}

export interface PathOptions {
  maxSteps?: number;
  onlyDocumented?: boolean;
}

export interface GraphNode extends RoleRef {
  family: number;
}

export interface GraphLink {
  source: string;
  target: string;
  kind: LinkKind;
  coverage: number;
  level_steps: number;
  evidence: string;
}

export interface CareerGraph {
  nodes: GraphNode[];
  links: GraphLink[];
}

export interface Meta {
  name: string;
  dataset_version: string;
  source: string;
  store: string;
}

/** One suggestion a problem offers, e.g. the nearest roles to an unknown code. */
export interface Suggestion {
  code: string;
  title: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  suggestions?: Suggestion[];
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

/** Whether an error is the API's problem of a given kind, e.g. "no-path" for `/problems/no-path`. */
export function isProblem(error: unknown, kind: string): error is ApiError {
  return error instanceof ApiError && error.problem.type.split("/").pop() === kind;
}

const BASE = "/api/v1";

/** Turns any failed response into a Problem, whether or not the server sent problem+json. */
export async function problemFrom(response: Response): Promise<Problem> {
  const fallback: Problem = {
    type: "about:blank",
    title: response.statusText || "Request failed",
    status: response.status,
  };
  try {
    const body: unknown = await response.json();
    if (body && typeof body === "object" && "title" in body) {
      return { ...fallback, ...(body as Partial<Problem>) };
    }
    if (body && typeof body === "object" && "detail" in body) {
      // FastAPI's default validation errors carry a list in `detail`.
      const detail = (body as { detail: unknown }).detail;
      return { ...fallback, detail: typeof detail === "string" ? detail : JSON.stringify(detail) };
    }
  } catch {
    // not JSON: keep the status line
  }
  return fallback;
}

async function request<T>(path: string, init?: RequestInit, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      ...init,
      signal,
      headers: { Accept: "application/json", ...(init?.body ? { "Content-Type": "application/json" } : {}) },
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError({
      type: "about:blank",
      title: "The careergraph service cannot be reached",
      status: 0,
      detail: "Check your connection, then try again.",
    });
  }
  if (!response.ok) throw new ApiError(await problemFrom(response));
  return (await response.json()) as T;
}

function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export const api = {
  meta: (signal?: AbortSignal) => request<Meta>("/meta", undefined, signal),
  families: (signal?: AbortSignal) => request<Family[]>("/families", undefined, signal),
  roles: (q?: string, signal?: AbortSignal) => request<RoleSummary[]>(`/roles${query({ q })}`, undefined, signal),
  role: (code: string, signal?: AbortSignal) => request<Role>(`/roles/${encodeURIComponent(code)}`, undefined, signal),
  nextMoves: (code: string, limit = 10, signal?: AbortSignal) =>
    request<NextMoves>(`/roles/${encodeURIComponent(code)}/next-moves${query({ limit })}`, undefined, signal),
  nextMovesFromProfile: (profile: Profile, limit = 10, signal?: AbortSignal) =>
    request<NextMoves>("/next-moves", { method: "POST", body: JSON.stringify({ from: { profile }, limit }) }, signal),
  competences: (signal?: AbortSignal) => request<CompetenceSummary[]>("/competences", undefined, signal),
  competence: (code: string, signal?: AbortSignal) =>
    request<Competence>(`/competences/${encodeURIComponent(code)}`, undefined, signal),
  gapFromRole: (from: string, to: string, basis: Basis, signal?: AbortSignal) =>
    request<Gap>(`/gap${query({ from, to, basis })}`, undefined, signal),
  gapFromProfile: (profile: Profile, to: string, basis: Basis, signal?: AbortSignal) =>
    request<Gap>("/gap", { method: "POST", body: JSON.stringify({ from: { profile }, to, basis }) }, signal),
  paths: (from: string, to: string, options: PathOptions, signal?: AbortSignal) =>
    request<Paths>(
      `/paths${query({
        from,
        to,
        max_steps: options.maxSteps,
        only_documented: options.onlyDocumented,
      })}`,
      undefined,
      signal,
    ),
  graph: (signal?: AbortSignal) => request<CareerGraph>("/graph", undefined, signal),
};
