import { describe, expect, it } from "vitest";
import { barWidth, heatBand, parseThreshold, percent, thinnestFirst } from "./format";
import { decodeRaise, encodeRaise, toRaise } from "./raises";

const role = (code: string, holders: number, ready_now: number, ready_soon: number) => ({
  role: { code, title: code },
  holders,
  ready_now,
  ready_soon,
});

describe("HR numbers", () => {
  it("orders the thinnest bench first, then fewer holders", () => {
    const sorted = thinnestFirst([role("a", 5, 2, 2), role("b", 1, 0, 1), role("c", 9, 0, 1), role("d", 1, 0, 0)]);
    expect(sorted.map((r) => r.role.code)).toEqual(["d", "b", "c", "a"]);
  });

  it("puts shares in five bands", () => {
    expect([0, 0.249, 0.25, 0.5, 0.749, 0.75, 0.9, 1].map(heatBand)).toEqual([0, 0, 1, 2, 2, 3, 4, 4]);
  });

  it("scales bars and prints percentages", () => {
    expect(barWidth(5, 20)).toBe(25);
    expect(barWidth(3, 0)).toBe(0);
    expect(percent(0.6667)).toBe("67%");
  });

  it("reads a threshold only when it is one", () => {
    expect(parseThreshold("0.7")).toBe(0.7);
    expect([null, "", "0", "1.5", "x"].map(parseThreshold)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe("what-if raises in the URL", () => {
  it("round-trips every kind of target", () => {
    for (const raise of [
      { competence: "B2", level: 3, kind: "role" as const, target: "3.2" },
      { competence: "E2", level: 3, kind: "unit" as const, target: "Payments: EU" },
      { competence: "B1", level: 4, kind: "people" as const, target: "P1,P2" },
    ]) {
      expect(decodeRaise(encodeRaise(raise))).toEqual(raise);
    }
  });

  it("refuses what is not a raise", () => {
    expect(["", "B2", "B2:x:role:3.2", "B2:3:team:x", "B2:3:role:", "B2:0:role:3.2"].map(decodeRaise)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("gives the API one target per raise", () => {
    expect(toRaise({ competence: "B1", level: 4, kind: "people", target: "P1, P2 P3" })).toEqual({
      competence: "B1",
      level: 4,
      people: ["P1", "P2", "P3"],
    });
    expect(toRaise({ competence: "B1", level: 4, kind: "unit", target: "Ops" })).toEqual({
      competence: "B1",
      level: 4,
      unit: "Ops",
    });
  });
});
