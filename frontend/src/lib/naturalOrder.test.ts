import { describe, expect, it } from "vitest";
import { compareCodes } from "./naturalOrder";

describe("natural order of codes", () => {
  it("orders numbers as numbers and text without case, as the service does", () => {
    expect(["4.10", "4.9", "10.1", "1.2"].sort(compareCodes)).toEqual(["1.2", "4.9", "4.10", "10.1"]);
    expect(["D10", "B1", "D9", "A10", "A2"].sort(compareCodes)).toEqual(["A2", "A10", "B1", "D9", "D10"]);
    expect(["b", "A", "a1", "G02-0010", "G02-0009"].sort(compareCodes)).toEqual([
      "A",
      "a1",
      "b",
      "G02-0009",
      "G02-0010",
    ]);
  });

  it("puts numbers before text and breaks ties by the code itself", () => {
    expect(["x", "1"].sort(compareCodes)).toEqual(["1", "x"]);
    expect(["A01", "A1"].sort(compareCodes)).toEqual(["A01", "A1"]);
    expect(compareCodes("a", "a")).toBe(0);
  });
});
