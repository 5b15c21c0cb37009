import { describe, expect, it } from "vitest";
import {
  compareHref,
  fromKey,
  fromOf,
  parseCompareQuery,
  parsePlanQuery,
  parseUnlocksQuery,
  planHref,
  sourceKey,
  unlocksHref,
} from "./employeeUrls";

const params = (text: string) => new URLSearchParams(text);

describe("plan URL state", () => {
  it("reads and writes a role, a target and a chosen path", () => {
    const parsed = parsePlanQuery(params("from=3.2&to=3.4&path=3.2, 3.3,3.4"));
    expect(parsed).toEqual({
      ok: true,
      value: { source: { kind: "role", code: "3.2" }, to: "3.4", path: ["3.2", "3.3", "3.4"] },
    });
    expect(parsed.ok && planHref(parsed.value)).toBe("/plan?from=3.2&to=3.4&path=3.2,3.3,3.4");
  });

  it("leaves the path out for the best path, and starts from a self-assessment", () => {
    const href = planHref({ source: { kind: "profile", profile: { B2: 2, A6: 1 } }, to: "3.4", path: [] });
    expect(href).toBe("/plan?profile=A6:1,B2:2&to=3.4");
    const parsed = parsePlanQuery(new URL(href, "http://x").searchParams);
    expect(parsed.ok && fromOf(parsed.value.source)).toEqual({ profile: { A6: 1, B2: 2 } });
  });

  it("needs a target and a start", () => {
    expect(parsePlanQuery(params("from=3.2")).ok).toBe(false);
    expect(parsePlanQuery(params("to=3.4")).ok).toBe(false);
    expect(parsePlanQuery(params("profile=B1:x&to=3.4")).ok).toBe(false);
  });
});

describe("compare URL state", () => {
  it("keeps up to four different targets, in order", () => {
    const parsed = parseCompareQuery(params("from=3.2&to=3.4,2.3,3.4,6.2,1.1,1.2"));
    expect(parsed.ok && parsed.value.to).toEqual(["3.4", "2.3", "6.2", "1.1"]);
    expect(parsed.ok && compareHref(parsed.value)).toBe("/compare?from=3.2&to=3.4,2.3,6.2,1.1");
  });

  it("accepts no target yet", () => {
    expect(parseCompareQuery(params("from=3.2"))).toEqual({
      ok: true,
      value: { source: { kind: "role", code: "3.2" }, to: [] },
    });
    expect(compareHref({ source: { kind: "role", code: "3.2" }, to: [] })).toBe("/compare?from=3.2");
  });
});

describe("unlocks URL state", () => {
  it("round-trips with and without a target", () => {
    for (const href of ["/unlocks?from=3.2", "/unlocks?from=3.2&to=3.4", "/unlocks?profile=B1:3&to=3.4"]) {
      const parsed = parseUnlocksQuery(new URL(href, "http://x").searchParams);
      expect(parsed.ok && unlocksHref(parsed.value)).toBe(href);
    }
  });
});

describe("a start as a key", () => {
  it("turns back into the API's from", () => {
    expect(fromKey(sourceKey({ kind: "role", code: "3.2" }))).toEqual({ role: "3.2" });
    expect(fromKey(sourceKey({ kind: "profile", profile: { B2: 2, A6: 1 } }))).toEqual({ profile: { A6: 1, B2: 2 } });
  });
});
