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
 */
import type { paths } from "./schema";
import type { Basis, Problem, Profile } from "./types";

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

function url(template: string, params: { path?: Record<string, Scalar>; query?: Record<string, Scalar> }): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params.path?.[name])));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params.query ?? {})) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(href: string, init: RequestInit, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(href, {
      ...init,
      signal,
      headers: {
        Accept: "application/json",
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
  return (await response.json()) as T;
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
  return request(path, { method: "POST", body: JSON.stringify(body), headers }, signal);
}

export interface PathOptions {
  maxSteps?: number;
  onlyDocumented?: boolean;
}

export const api = {
  meta: (signal?: AbortSignal) => get("/api/v1/meta", {}, signal),
  families: (signal?: AbortSignal) => get("/api/v1/families", {}, signal),
  roles: (q?: string, signal?: AbortSignal) => get("/api/v1/roles", { query: { q } }, signal),
  role: (code: string, signal?: AbortSignal) => get("/api/v1/roles/{code}", { path: { code } }, signal),
  nextMoves: (code: string, limit = 10, signal?: AbortSignal) =>
    get("/api/v1/roles/{code}/next-moves", { path: { code }, query: { limit } }, signal),
  nextMovesFromProfile: (profile: Profile, limit = 10, signal?: AbortSignal) =>
    post("/api/v1/next-moves", { from: { profile }, limit }, signal),
  competences: (signal?: AbortSignal) => get("/api/v1/competences", {}, signal),
  competence: (code: string, signal?: AbortSignal) => get("/api/v1/competences/{code}", { path: { code } }, signal),
  gapFromRole: (from: string, to: string, basis: Basis, signal?: AbortSignal) =>
    get("/api/v1/gap", { query: { from, to, basis } }, signal),
  gapFromProfile: (profile: Profile, to: string, basis: Basis, signal?: AbortSignal) =>
    post("/api/v1/gap", { from: { profile }, to, basis }, signal),
  paths: (from: string, to: string, options: PathOptions, signal?: AbortSignal) =>
    get(
      "/api/v1/paths",
      { query: { from, to, max_steps: options.maxSteps, only_documented: options.onlyDocumented } },
      signal,
    ),
  graph: (signal?: AbortSignal) => get("/api/v1/graph", {}, signal),
};
