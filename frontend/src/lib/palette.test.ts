import { describe, expect, it } from "vitest";
import { AREA_COLOURS, areasWithColours, contrastRatio, FAMILY_COLOURS, familyColour } from "./palette";

describe("palette", () => {
  it("computes WCAG contrast", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
  });

  it("keeps every meaningful colour at 3:1 or more on white", () => {
    for (const colour of [...AREA_COLOURS, ...FAMILY_COLOURS]) {
      expect(contrastRatio(colour, "#ffffff")).toBeGreaterThanOrEqual(3);
    }
  });

  it("gives each of the first families and areas its own colour", () => {
    expect(new Set([0, 1, 2, 3, 4, 5, 6].map(familyColour)).size).toBe(7);
    expect(new Set(AREA_COLOURS).size).toBe(AREA_COLOURS.length);
  });

  it("colours areas by their order: the e-CF's five keep their colours", () => {
    const ecf = areasWithColours(
      ["PLAN", "BUILD", "RUN", "ENABLE", "MANAGE"].map((name, i) => ({ code: "ABCDE"[i]!, name })),
    );
    expect(ecf.map((a) => [a.code, a.colour])).toEqual([
      ["A", "#3366AA"],
      ["B", "#22803A"],
      ["C", "#A06A00"],
      ["D", "#AA3377"],
      ["E", "#C4321A"],
    ]);
    const many = areasWithColours(Array.from({ length: 20 }, (_, i) => ({ code: `S${i}`, name: `Group ${i}` })));
    expect(many[12]?.colour).toBe(many[0]?.colour); // past the palette, colours repeat (names tell them apart)
  });
});
