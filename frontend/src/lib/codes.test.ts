import { describe, expect, it } from "vitest";
import { codeWorthShowing } from "./codes";

describe("codes beside titles", () => {
  it("keeps the short codes people name things by and leaves out long ones", () => {
    expect(["3.2", "A1", "E9", "7.10"].map(codeWorthShowing)).toEqual([true, true, true, true]);
    expect(["15-1252.00", "esco-software-developer"].map(codeWorthShowing)).toEqual([false, false]);
  });
});
