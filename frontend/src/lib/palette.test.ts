import { describe, expect, it } from "vitest";
import { area, AREAS, contrastRatio, familyColour } from "./palette";

describe("palette", () => {
  it("computes WCAG contrast", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
  });

  it("keeps every meaningful colour at 3:1 or more on white", () => {
    const colours = [...AREAS.map((a) => a.colour), ...["1", "2", "3", "4", "5", "6", "7"].map(familyColour)];
    for (const colour of colours) expect(contrastRatio(colour, "#ffffff")).toBeGreaterThanOrEqual(3);
  });

  it("gives each family and each area its own colour", () => {
    expect(new Set(["1", "2", "3", "4", "5", "6", "7"].map(familyColour)).size).toBe(7);
    expect(new Set(AREAS.map((a) => a.colour)).size).toBe(5);
  });

  it("finds the area of a competence code", () => {
    expect(area("B1").name).toBe("BUILD");
    expect(area("E10").name).toBe("MANAGE");
    expect(() => area("Z1")).toThrow();
  });
});
