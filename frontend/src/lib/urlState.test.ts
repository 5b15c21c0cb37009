import { describe, expect, it } from "vitest";
import {
  assessHref,
  gapHref,
  mapHref,
  mapView,
  parseGapQuery,
  parseMapQuery,
  parsePathsQuery,
  parseStartQuery,
  pathsHref,
  startHref,
  unknownEnd,
} from "./urlState";

const params = (search: string) => new URLSearchParams(search);

describe("gap URL state", () => {
  it("reads a role-to-role gap with the entry basis by default", () => {
    expect(parseGapQuery(params("from=3.2&to=3.4"))).toEqual({
      ok: true,
      value: { source: { kind: "role", code: "3.2" }, to: "3.4", basis: "entry" },
    });
  });

  it("reads a self-assessment and the mastery basis", () => {
    expect(parseGapQuery(params("profile=B1:3,B2:2&to=3.4&basis=mastery"))).toEqual({
      ok: true,
      value: { source: { kind: "profile", profile: { B1: 3, B2: 2 } }, to: "3.4", basis: "mastery" },
    });
  });

  it("treats an unknown basis as entry", () => {
    const parsed = parseGapQuery(params("from=3.2&to=3.4&basis=whatever"));
    expect(parsed.ok && parsed.value.basis).toBe("entry");
  });

  it.each([
    ["from=3.2", "Choose the role you want to become."],
    ["to=3.4", "Choose your current role or rate yourself first."],
    ["profile=&to=3.4", "Choose your current role or rate yourself first."],
    ["profile=B1:0,Z1&to=3.4", "These self-assessment entries are not of the form B1:3: B1:0, Z1."],
  ])("explains what is missing in %s", (search, reason) => {
    expect(parseGapQuery(params(search))).toEqual({ ok: false, reason });
  });

  it("writes short readable URLs that read back the same", () => {
    const role = { source: { kind: "role", code: "3.2" }, to: "3.4", basis: "entry" } as const;
    expect(gapHref(role)).toBe("/gap?from=3.2&to=3.4");
    const profile = { source: { kind: "profile", profile: { B2: 2, B1: 3 } }, to: "3.4", basis: "mastery" } as const;
    const href = gapHref(profile);
    expect(href).toBe("/gap?profile=B1:3,B2:2&to=3.4&basis=mastery");
    expect(parseGapQuery(new URL(href, "http://x").searchParams)).toEqual({ ok: true, value: profile });
  });
});

describe("paths URL state", () => {
  it("applies the defaults and leaves them out of the URL", () => {
    const parsed = parsePathsQuery(params("from=3.2&to=2.3"));
    expect(parsed).toEqual({
      ok: true,
      value: { from: "3.2", to: "2.3", maxSteps: undefined, onlyDocumented: false, avoid: [] },
    });
    expect(parsed.ok && pathsHref(parsed.value)).toBe("/paths?from=3.2&to=2.3");
  });

  it("keeps the options that differ from the defaults", () => {
    const href = pathsHref({ from: "3.2", to: "2.3", maxSteps: 2, onlyDocumented: true });
    expect(href).toBe("/paths?from=3.2&to=2.3&max_steps=2&only_documented=1");
    expect(parsePathsQuery(new URL(href, "http://x").searchParams)).toEqual({
      ok: true,
      value: { from: "3.2", to: "2.3", maxSteps: 2, onlyDocumented: true, avoid: [] },
    });
  });

  it("keeps the roles to avoid, and starts from a self-assessment", () => {
    const href = pathsHref({ from: "", profile: { B1: 3, A6: 1 }, to: "2.3", avoid: ["3.3", "4.10"] });
    expect(href).toBe("/paths?profile=A6:1,B1:3&to=2.3&avoid=3.3,4.10");
    expect(parsePathsQuery(new URL(href, "http://x").searchParams)).toEqual({
      ok: true,
      value: {
        from: "",
        profile: { A6: 1, B1: 3 },
        to: "2.3",
        maxSteps: undefined,
        onlyDocumented: false,
        avoid: ["3.3", "4.10"],
      },
    });
  });

  it("ignores a max_steps outside the choices offered", () => {
    const parsed = parsePathsQuery(params("from=3.2&to=2.3&max_steps=99"));
    expect(parsed.ok && parsed.value.maxSteps).toBeUndefined();
  });

  it("needs both ends", () => {
    expect(parsePathsQuery(params("from=3.2")).ok).toBe(false);
  });
});

describe("map and start URL state", () => {
  it("reads and writes each view of the map", () => {
    const none = { role: "", families: [], all: false, path: [], onlyDocumented: false };
    expect(parseMapQuery(params("path=3.2, 3.4,,2.3"))).toEqual({ ...none, path: ["3.2", "3.4", "2.3"] });
    expect(parseMapQuery(params("role=3.2&only_documented=1"))).toEqual({ ...none, role: "3.2", onlyDocumented: true });
    expect(parseMapQuery(params("family=3,5,3&all=1"))).toEqual({ ...none, families: ["3", "5"], all: true });
    expect(mapHref({ path: ["3.2", "3.4"] })).toBe("/map?path=3.2,3.4");
    expect(mapHref({ role: "3.2", path: ["3.2", "3.4"], onlyDocumented: true })).toBe(
      "/map?role=3.2&path=3.2,3.4&only_documented=1",
    );
    expect(mapHref({ families: ["3", "5"] })).toBe("/map?family=3,5");
    expect(mapHref({ all: true })).toBe("/map?all=1");
    expect(mapHref({ role: "craft:joinery+2" })).toBe("/map?role=craft:joinery%2B2");
    expect(parseMapQuery(new URL(mapHref({ role: "craft:joinery+2" }), "http://x").searchParams).role).toBe(
      "craft:joinery+2",
    );
    expect(mapHref()).toBe("/map");
  });

  it("chooses the view: the whole map, a role, families, a path, else the families folded", () => {
    const query = parseMapQuery(params(""));
    expect(mapView(query)).toEqual({ kind: "families", expanded: [] });
    expect(mapView({ ...query, role: "3.2", families: ["3"] })).toEqual({ kind: "role", role: "3.2" });
    expect(mapView({ ...query, path: ["3.2"] })).toEqual({ kind: "role", role: "3.2" });
    expect(mapView({ ...query, path: ["3.2", "3.4"] })).toEqual({ kind: "path", path: ["3.2", "3.4"] });
    expect(mapView({ ...query, path: ["3.2", "3.4"], families: ["3"] })).toEqual({ kind: "families", expanded: ["3"] });
    expect(mapView({ ...query, role: "3.2", all: true })).toEqual({ kind: "all" });
  });

  it("keeps the target when going to the self-assessment", () => {
    expect(assessHref("3.4")).toBe("/assess?to=3.4");
    expect(assessHref()).toBe("/assess");
  });

  it("keeps the start screen's choices", () => {
    expect(parseStartQuery(params("from=3.2"))).toEqual({ from: "3.2", to: "" });
    expect(startHref({ from: "3.2", to: "3.4" })).toBe("/?from=3.2&to=3.4");
    expect(startHref({ to: "3.4" })).toBe("/?to=3.4");
    expect(startHref({})).toBe("/");
  });
});

describe("suggestions for an unknown role", () => {
  const isRole = (code: string) => ["3.2", "3.4"].includes(code);

  it("replace the start when the start is the unknown role", () => {
    expect(unknownEnd("9.9", isRole)).toBe("from");
  });

  it("replace the target otherwise, or when the start is a self-assessment", () => {
    expect(unknownEnd("3.2", isRole)).toBe("to");
    expect(unknownEnd(null, isRole)).toBe("to");
  });
});
