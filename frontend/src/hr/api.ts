/**
 * The workforce routes of the API (/api/v1/workforce/...): every call carries the
 * analyst's key, which lives in sessionStorage for the browser session (./key.ts).
 */
import { get, post } from "../api/client";
import type { components } from "../api/schema";

type Schemas = components["schemas"];

export type BenchBoard = Schemas["BenchBoard"];
export type BenchCounts = Schemas["BenchCounts"];
export type BenchStrength = Schemas["BenchStrength"];
export type Candidate = Schemas["Candidate"];
export type BestRaise = Schemas["BestRaise"];
export type Heatmap = Schemas["Heatmap"];
export type HeatmapCell = Schemas["HeatmapCell"];
export type WhatIf = Schemas["WhatIf"];
export type BenchChange = Schemas["BenchChange"];
export type WhatIfRaise = Schemas["WhatIfRaise"];

const HEADER = "X-API-Key";

export function workforceApi(key: string) {
  const headers = { [HEADER]: key };
  return {
    bench: (threshold: number | undefined, signal?: AbortSignal) =>
      get("/api/v1/workforce/bench", { query: { threshold } }, signal, headers),
    role: (role: string, threshold: number | undefined, limit: number, signal?: AbortSignal) =>
      get("/api/v1/workforce/bench/{role}", { path: { role }, query: { threshold, limit } }, signal, headers),
    bestRaise: (role: string, threshold: number | undefined, signal?: AbortSignal) =>
      get("/api/v1/workforce/bench/{role}/best-raise", { path: { role }, query: { threshold } }, signal, headers),
    heatmap: (signal?: AbortSignal) => get("/api/v1/workforce/heatmap", { query: {} }, signal, headers),
    whatIf: (raises: WhatIfRaise[], signal?: AbortSignal) =>
      post("/api/v1/workforce/what-if", { raises }, signal, headers),
  };
}

export type WorkforceApi = ReturnType<typeof workforceApi>;
