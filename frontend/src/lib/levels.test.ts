import { describe, expect, it } from "vitest";
import { levelDescription, levelLabel } from "./levels";

describe("levels", () => {
  it("reads e-1..e-5, never a bare number", () => {
    expect(levelLabel(3)).toBe("e-3");
    expect(levelLabel(0)).toBe("none");
  });

  it("describes a level with its EQF and descriptor", () => {
    expect(levelDescription(3, { level: 3, label: "e-3", eqf: "6", descriptor: "Acts creatively." })).toBe(
      "e-3 (EQF 6): Acts creatively.",
    );
    expect(levelDescription(0, undefined)).toBe("Not held yet");
    expect(levelDescription(2, undefined)).toBe("e-2: this level is not defined for this competence");
  });
});
