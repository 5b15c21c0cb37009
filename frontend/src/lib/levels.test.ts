import { describe, expect, it } from "vitest";
import { levelDescription, levelLabel, topLevel } from "./levels";

const ECF = { labels: ["e-1", "e-2", "e-3", "e-4", "e-5"] };
const GUILD = { labels: ["Novice", "Practitioner", "Expert", "Master"] };

describe("levels", () => {
  it("reads a level in the scale's own words, never a bare number", () => {
    expect(levelLabel(ECF, 3)).toBe("e-3");
    expect(levelLabel(GUILD, 3)).toBe("Expert");
    expect(levelLabel(GUILD, 0)).toBe("none");
    expect(levelLabel(GUILD, 7)).toBe("level 7");
    expect(topLevel(GUILD)).toBe(4);
  });

  it("describes a level with its EQF and descriptor", () => {
    expect(levelDescription(ECF, 3, { level: 3, label: "e-3", eqf: "6", descriptor: "Acts creatively." })).toBe(
      "e-3 (EQF 6): Acts creatively.",
    );
    expect(levelDescription(GUILD, 2, { level: 2, label: "Practitioner", eqf: null, descriptor: "Works alone." })).toBe(
      "Practitioner: Works alone.",
    );
    expect(levelDescription(ECF, 0, undefined)).toBe("Not held yet");
    expect(levelDescription(GUILD, 2, undefined)).toBe("Practitioner: this level is not defined for this competence");
  });
});
