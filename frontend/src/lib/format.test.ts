import { describe, expect, it } from "vitest";
import type { GapSummary } from "../api";
import { gapHeadline, percent, plural, statusCounts, stepsToGo } from "./format";

const summary = (over: Partial<GapSummary>): GapSummary => ({
  level_steps: 7,
  required_steps: 18,
  coverage: 0.6154,
  missing: 1,
  raise: 2,
  met: 4,
  ...over,
});

describe("gap phrasing", () => {
  it("says the gap in one sentence", () => {
    expect(gapHeadline(summary({}))).toBe("7 level steps to go, 62% covered");
  });

  it("uses the singular for one step", () => {
    expect(gapHeadline(summary({ level_steps: 1, coverage: 0.9 }))).toBe("1 level step to go, 90% covered");
  });

  it("says when nothing is left", () => {
    expect(stepsToGo(0)).toBe("Nothing left to learn");
    expect(gapHeadline(summary({ level_steps: 0, coverage: 1 }))).toBe("Nothing left to learn, 100% covered");
  });

  it("counts by status in words", () => {
    expect(statusCounts(summary({}))).toBe("1 missing, 2 to raise, 4 met");
  });

  it("rounds percentages and pluralises", () => {
    expect(percent(0.005)).toBe("1%");
    expect(percent(0)).toBe("0%");
    expect(plural(2, "move")).toBe("2 moves");
    expect(plural(1, "competence level", "competence levels")).toBe("1 competence level");
  });
});
