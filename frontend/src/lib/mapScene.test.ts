import { describe, expect, it } from "vitest";
import { fitLabel, textWidth, wrapLabel } from "./mapScene";

describe("labels that fit", () => {
  it("keeps a short label and cuts a long one with an ellipsis", () => {
    expect(fitLabel("Programmer", 200)).toBe("Programmer");
    const cut = fitLabel("Information Systems Security Manager", 140);
    expect(cut).toBe("Information Systems…");
    expect(textWidth(cut)).toBeLessThanOrEqual(140);
    expect(fitLabel("Supercalifragilistic", 50)).toBe("Superc…");
  });

  it("wraps a long label on words into two lines, the second cut to fit", () => {
    expect(wrapLabel("Programmer", 100)).toEqual(["Programmer"]);
    expect(wrapLabel("Information Systems Security Manager", 150)).toEqual(["Information Systems", "Security Manager"]);
    const lines = wrapLabel("A title far too long for two lines of this width at all, really", 100);
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => textWidth(line) <= 100)).toBe(true);
    expect(wrapLabel("Supercalifragilistic", 50)).toEqual([fitLabel("Supercalifragilistic", 50)]);
  });
});
