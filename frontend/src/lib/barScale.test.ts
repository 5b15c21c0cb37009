import { describe, expect, it } from "vitest";
import { barSegments, levelPosition, levelTicks } from "./barScale";

describe("gap chart scale", () => {
  it("maps levels 0..top onto 0..100%", () => {
    expect(levelPosition(0, 5)).toBe(0);
    expect(levelPosition(3, 5)).toBe(60);
    expect(levelPosition(5, 5)).toBe(100);
    expect(levelPosition(2, 4)).toBe(50);
  });

  it("clamps levels outside the scale", () => {
    expect(levelPosition(-1, 5)).toBe(0);
    expect(levelPosition(7, 5)).toBe(100);
  });

  it("splits a bar into held and still to learn", () => {
    expect(barSegments(2, 4, 5)).toEqual({ held: 40, toLearnStart: 40, toLearn: 40, needAt: 80 });
    expect(barSegments(0, 3, 5)).toEqual({ held: 0, toLearnStart: 0, toLearn: 60, needAt: 60 });
  });

  it("has nothing to learn when the level held is above the need", () => {
    expect(barSegments(4, 2, 5)).toEqual({ held: 80, toLearnStart: 80, toLearn: 0, needAt: 40 });
  });

  it("ticks every level of the scale, e-1..e-5 or four levels alike", () => {
    expect(levelTicks(5)).toEqual([
      { level: 1, at: 20 },
      { level: 2, at: 40 },
      { level: 3, at: 60 },
      { level: 4, at: 80 },
      { level: 5, at: 100 },
    ]);
    expect(levelTicks(4).map((t) => t.at)).toEqual([25, 50, 75, 100]);
  });
});
