import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import { api, ApiError, problemFrom } from "./client";
import { type GapReport, type NextMoves, type PathsAnswer, type RoleSheet } from "./types";

const json = (status: number, body: unknown, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": type } });

afterEach(() => vi.unstubAllGlobals());

describe("problem+json", () => {
  it("keeps the problem's fields and suggestions", async () => {
    const problem = await problemFrom(
      json(
        404,
        {
          type: "/problems/unknown-role",
          title: "Unknown role",
          status: 404,
          detail: "No role '9.9'.",
          suggestions: [{ code: "4.9", title: "Network & Telecom Expert" }],
        },
        "application/problem+json",
      ),
    );
    expect(problem.title).toBe("Unknown role");
    expect(problem.suggestions).toEqual([{ code: "4.9", title: "Network & Telecom Expert" }]);
  });

  it("turns FastAPI's validation errors and non-JSON bodies into problems", async () => {
    const validation = await problemFrom(json(422, { detail: [{ loc: ["query", "to"], msg: "missing" }] }));
    expect(validation.status).toBe(422);
    expect(validation.detail).toContain("missing");
    const plain = await problemFrom(new Response("oops", { status: 502, statusText: "Bad Gateway" }));
    expect(plain).toEqual({
      type: "about:blank",
      title: "Bad Gateway",
      status: 502,
      detail: "The service answered 502 Bad Gateway.",
    });
  });
});

describe("the client", () => {
  it("asks the gap of a role pair on the v1 URL", async () => {
    const fetch = vi.fn().mockResolvedValue(json(200, { items: [] }));
    vi.stubGlobal("fetch", fetch);
    await api.gapFromRole("3.2", "3.4", "mastery");
    expect(fetch.mock.calls[0]?.[0]).toBe("/api/v1/gap?from=3.2&to=3.4&basis=mastery");
  });

  it("posts a self-assessment as the contract's profile body", async () => {
    const fetch = vi.fn().mockResolvedValue(json(200, { items: [] }));
    vi.stubGlobal("fetch", fetch);
    await api.gapFromProfile({ B1: 3 }, "3.4", "entry");
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("/api/v1/gap");
    expect(init.method).toBe("POST");
    expect(JSON.parse(init.body as string)).toEqual({ from: { profile: { B1: 3 } }, to: "3.4", basis: "entry" });
  });

  it("asks the next moves of a self-assessment with a POST", async () => {
    const fetch = vi.fn().mockResolvedValue(json(200, { moves: [] }));
    vi.stubGlobal("fetch", fetch);
    await api.nextMovesFromProfile({ B1: 3 }, 5);
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe("/api/v1/next-moves");
    expect(JSON.parse(init.body as string)).toEqual({
      from: { profile: { B1: 3 } },
      limit: 5,
      direction: "not-down",
      documented: "include",
    });
  });

  it("passes the direction and documented choices of next moves as query parameters", async () => {
    const fetch = vi.fn().mockResolvedValue(json(200, { moves: [] }));
    vi.stubGlobal("fetch", fetch);
    await api.nextMoves("3.2", 10, undefined, { direction: "any", documented: "exclude" });
    expect(fetch.mock.calls[0]?.[0]).toBe("/api/v1/roles/3.2/next-moves?limit=10&direction=any&documented=exclude");
  });

  it("puts a code into the path, escaped", async () => {
    const fetch = vi.fn().mockResolvedValue(json(200, { moves: [] }));
    vi.stubGlobal("fetch", fetch);
    await api.nextMoves("a/b c", 3);
    expect(fetch.mock.calls[0]?.[0]).toBe("/api/v1/roles/a%2Fb%20c/next-moves?limit=3");
  });

  it("leaves unset path options out of the query", async () => {
    const fetch = vi.fn().mockImplementation(() => Promise.resolve(json(200, { paths: [] })));
    vi.stubGlobal("fetch", fetch);
    await api.paths("3.2", "2.3", { maxSteps: 3, onlyDocumented: false });
    await api.paths("3.2", "2.3", { maxSteps: undefined, onlyDocumented: false });
    expect(fetch.mock.calls[0]?.[0]).toBe("/api/v1/paths?from=3.2&to=2.3&max_steps=3&only_documented=false");
    expect(fetch.mock.calls[1]?.[0]).toBe("/api/v1/paths?from=3.2&to=2.3&only_documented=false");
  });

  it("raises ApiError with the problem, and a readable one when the network fails", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn().mockResolvedValue(json(404, { title: "Unknown role", status: 404, detail: "No role" })),
    );
    await expect(api.role("9.9")).rejects.toMatchObject({ status: 404, message: "No role" });
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));
    const error = await api.role("3.2").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.title).toBe("The careergraph service cannot be reached");
  });
});

describe("the contract's types", () => {
  it("types each answer with the service's schema", () => {
    expectTypeOf(api.gapFromRole).returns.resolves.toEqualTypeOf<GapReport>();
    expectTypeOf(api.nextMovesFromProfile).returns.resolves.toEqualTypeOf<NextMoves>();
    expectTypeOf(api.paths).returns.resolves.toEqualTypeOf<PathsAnswer>();
    expectTypeOf(api.role).returns.resolves.toEqualTypeOf<RoleSheet>();
  });
});
