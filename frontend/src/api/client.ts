/**
 * The client for the careergraph HTTP API v1: a thin fetch wrapper over the
 * generated `paths` of the OpenAPI document.
 *
 * Every request the UI makes goes through this module. URLs, query parameters,
 * bodies and answers are typed by the contract, so a change of the service is
 * caught by `npm run typecheck` after `make api-types`. Errors come back as
 * RFC 9457 problem+json and are raised as `ApiError`, which keeps the problem's
 * fields. Caching is left to the browser: answers carry the dataset version as
 * `ETag`, and fetch revalidates with `If-None-Match` on its own.
 *
 * The dataset: every request carries the one the screen shows (`?dataset=` of its URL,
 * set by the app shell through `setRequestDataset`), as the `dataset` query parameter
 * of a GET or the `dataset` field of a POST body; none means the service's default. One
 * screen shows one dataset, so the client holds it rather than every call passing it.
 */
import type { paths } from "./schema";
import type { Basis, Problem, Profile } from "./types";

/** Who a question is about: a role's holder, or a self-assessment (the API's `from`). */
export type From = { role: string } | { profile: Profile };

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
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

/** Turns any failed response into a Problem, whether or not the server sent problem+json. */
export async function problemFrom(response: Response): Promise<Problem> {
  const title = response.statusText || "Request failed";
  const fallback: Problem = {
    type: "about:blank",
    title,
    status: response.status,
    detail: `The service answered ${response.status} ${title}.`,
  };
  try {
    const body: unknown = await response.json();
    if (body && typeof body === "object" && "title" in body) {
      return { ...fallback, ...(body as Partial<Problem>) };
    }
    if (body && typeof body === "object" && "detail" in body) {
      // FastAPI's default validation errors carry a list in `detail`.
      const detail = body.detail;
      return { ...fallback, detail: typeof detail === "string" ? detail : JSON.stringify(detail) };
    }
  } catch {
    // not JSON: keep the status line
  }
  return fallback;
}

type Method = "get" | "post";
/** The API paths served with a method. */
type PathWith<M extends Method> = {
  [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never;
}[keyof paths];
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
/** The path and query parameters of an operation, as its OpenAPI document declares them. */
type Params<O> = O extends { parameters: infer Declared }
  ? Pick<Declared, ("path" & keyof Declared) | ("query" & keyof Declared)>
  : never;
type JsonBody<O> = O extends { requestBody: { content: { "application/json": infer Body } } } ? Body : never;
/** The JSON of a successful (200) answer. */
type Answer<O> = O extends { responses: { 200: { content: { "application/json": infer Json } } } } ? Json : never;

type Scalar = string | number | boolean | null | undefined;

/** The dataset every request asks for; null: the service's default dataset. */
let requestDataset: string | null = null;

/** Sets the dataset of every following request (the app shell calls it from the URL). */
export function setRequestDataset(dataset: string | null): void {
  requestDataset = dataset;
}

/** The dataset requests ask for now, e.g. to key a cache by it. */
export const requestedDataset = (): string | null => requestDataset;

function url(template: string, params: { path?: Record<string, Scalar>; query?: Record<string, Scalar> }): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params.path?.[name])));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params.query, dataset: requestDataset })) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** Sends a request; a failure (no answer, or a problem) comes back as an ApiError. */
async function send(href: string, init: RequestInit, accept: string, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(href, {
      ...init,
      signal,
      headers: {
        Accept: accept,
        ...(init.body ? { "Content-Type": "application/json" } : {}),
        ...(init.headers as Record<string, string> | undefined),
      },
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
  return response;
}

async function request<T>(href: string, init: RequestInit, signal?: AbortSignal): Promise<T> {
  return (await (await send(href, init, "application/json", signal)).json()) as T;
}

/** The text of a successful answer (e.g. a Markdown file). */
async function text(href: string, init: RequestInit = {}): Promise<string> {
  return (await send(href, init, "text/markdown, text/plain")).text();
}

/** A typed GET; `headers` for the few routes that need more (an API key). */
export function get<P extends PathWith<"get">>(
  path: P,
  params: Params<Operation<P, "get">>,
  signal?: AbortSignal,
  headers?: Record<string, string>,
): Promise<Answer<Operation<P, "get">>> {
  return request(url(path, params as Parameters<typeof url>[1]), { headers }, signal);
}

/** A typed POST of a JSON body. */
export function post<P extends PathWith<"post">>(
  path: P,
  body: JsonBody<Operation<P, "post">>,
  signal?: AbortSignal,
  headers?: Record<string, string>,
): Promise<Answer<Operation<P, "post">>> {
  return request(path, { method: "POST", body: inDataset(body), headers }, signal);
}

/** A POST body as JSON, naming the dataset requests go to (absent: the service's default). */
function inDataset(body: object): string {
  return JSON.stringify(requestDataset === null ? body : { dataset: requestDataset, ...body });
}

export interface PathOptions {
  maxSteps?: number;
  onlyDocumented?: boolean;
  avoid?: string[];
}

/** Which next moves to show (docs/recommendations.md); absent: no step-downs, stated moves first. */
export interface MoveChoice {
  direction?: "not-down" | "up" | "lateral" | "down" | "any";
  documented?: "include" | "exclude" | "only";
}

export const api = {
  datasets: (signal?: AbortSignal) => get("/api/v1/datasets", {}, signal),
  meta: (signal?: AbortSignal) => get("/api/v1/meta", {}, signal),
  families: (signal?: AbortSignal) => get("/api/v1/families", {}, signal),
  roles: (q?: string, signal?: AbortSignal) => get("/api/v1/roles", { query: { q } }, signal),
  role: (code: string, signal?: AbortSignal) => get("/api/v1/roles/{code}", { path: { code } }, signal),
  nextMoves: (code: string, limit = 10, signal?: AbortSignal, choice: MoveChoice = {}) =>
    get("/api/v1/roles/{code}/next-moves", { path: { code }, query: { limit, ...choice } }, signal),
  nextMovesFromProfile: (profile: Profile, limit = 10, signal?: AbortSignal) =>
    post("/api/v1/next-moves", { from: { profile }, limit, direction: "not-down", documented: "include" }, signal),
  competences: (signal?: AbortSignal) => get("/api/v1/competences", {}, signal),
  competence: (code: string, signal?: AbortSignal) => get("/api/v1/competences/{code}", { path: { code } }, signal),
  gapFromRole: (from: string, to: string, basis: Basis, signal?: AbortSignal) =>
    get("/api/v1/gap", { query: { from, to, basis } }, signal),
  gapFromProfile: (profile: Profile, to: string, basis: Basis, signal?: AbortSignal) =>
    post("/api/v1/gap", { from: { profile }, to, basis }, signal),
  paths: (from: string, to: string, options: PathOptions, signal?: AbortSignal) =>
    get(
      "/api/v1/paths",
      {
        query: {
          from,
          to,
          max_steps: options.maxSteps,
          only_documented: options.onlyDocumented,
          avoid: options.avoid?.join(","),
        },
      },
      signal,
    ),
  graph: (signal?: AbortSignal) => get("/api/v1/graph", {}, signal),
  /** Every competence with its description and level descriptors, in one request. */
  competencesDescribed: (signal?: AbortSignal) => get("/api/v1/competences", { query: { include: "levels" } }, signal),
  /** Paths from a role or a self-assessment (a self-assessment's first step comes from ""). */
  pathsFrom: (from: From, to: string, options: PathOptions, signal?: AbortSignal) =>
    post(
      "/api/v1/paths",
      {
        from,
        to,
        k: 3,
        max_steps: options.maxSteps ?? null,
        only_documented: options.onlyDocumented ?? false,
        avoid: options.avoid ?? [],
      },
      signal,
    ),
  unlocks: (from: From, to: string | undefined, limit: number, signal?: AbortSignal) =>
    "role" in from
      ? get("/api/v1/unlocks", { query: { from: from.role, to, limit } }, signal)
      : post("/api/v1/unlocks", { from, to: to ?? null, limit }, signal),
  plan: (from: From, to: string, path: string[], signal?: AbortSignal) =>
    "role" in from
      ? get("/api/v1/plan", { query: { from: from.role, to, path: path.join(","), format: "json" } }, signal)
      : post("/api/v1/plan", { from, to, path: path.length > 0 ? path : null, only_documented: false }, signal),
  /** The plan as a Markdown document to keep. */
  planMarkdown: (from: From, to: string, path: string[]) =>
    "role" in from
      ? text(url("/api/v1/plan", { query: { from: from.role, to, path: path.join(","), format: "markdown" } }))
      : text("/api/v1/plan?format=markdown", {
          method: "POST",
          body: inDataset({ from, to, path: path.length > 0 ? path : null }),
        }),
  compare: (from: From, to: string[], signal?: AbortSignal) =>
    "role" in from
      ? get("/api/v1/compare", { query: { from: from.role, to: to.join(",") } }, signal)
      : post("/api/v1/compare", { from, to, basis: "entry" }, signal),
};
