import { describe, expect, it } from "vitest";
import { groupByArea } from "./grouping";
import { areasWithColours } from "./palette";

const competence = (code: string) => ({ code, area: code.charAt(0) });

describe("grouping by area", () => {
  it("orders areas as the dataset lists them and codes naturally, leaving out empty areas", () => {
    const areas = areasWithColours(
      ["PLAN", "BUILD", "RUN", "ENABLE", "MANAGE"].map((name, i) => ({ code: "ABCDE"[i]!, name })),
    );
    const groups = groupByArea(["E2", "B10", "B2", "A1", "E10"], competence, areas);
    expect(groups.map((g) => [g.area.name, g.items])).toEqual([
      ["PLAN", ["A1"]],
      ["BUILD", ["B2", "B10"]],
      ["MANAGE", ["E2", "E10"]],
    ]);
  });

  it("groups by the competence's area, not by its code, and never hides an unlisted area", () => {
    const areas = areasWithColours([
      { code: "trade", name: "Trade" },
      { code: "craft", name: "Craft" },
    ]);
    const items = [
      { code: "joinery", area: "craft" },
      { code: "pricing", area: "trade" },
      { code: "x", area: "zz" },
    ];
    expect(groupByArea(items, (c) => c, areas).map((g) => [g.area.name, g.items.map((c) => c.code)])).toEqual([
      ["Trade", ["pricing"]],
      ["Craft", ["joinery"]],
      ["Area zz", ["x"]],
    ]);
  });
});
