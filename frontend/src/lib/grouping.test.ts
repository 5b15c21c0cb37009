import { describe, expect, it } from "vitest";
import { groupByArea } from "./grouping";

describe("grouping by e-CF area", () => {
  it("orders areas PLAN..MANAGE and codes numerically, leaving out empty areas", () => {
    const groups = groupByArea(["E2", "B10", "B2", "A1", "E10"], (code) => code);
    expect(groups.map((g) => [g.area.name, g.items])).toEqual([
      ["PLAN", ["A1"]],
      ["BUILD", ["B2", "B10"]],
      ["MANAGE", ["E2", "E10"]],
    ]);
  });
});
