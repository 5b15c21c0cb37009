import { describe, expect, it } from "vitest";
import { assessmentFile, FILE_KIND, readAssessmentFile } from "./assessmentFile";

const DATASET = { id: "cigref-2011", version: "abc123" };
const LEVELS = new Map([
  ["A5", [3, 4]],
  ["B1", [1, 2, 3, 4, 5]],
  ["B2", [2, 3, 4]],
]);

describe("self-assessment file", () => {
  it("names the dataset and lists the profile in code order", () => {
    const text = assessmentFile({ B2: 2, A5: 3, B1: 4 }, DATASET, new Date("2026-01-02T03:04:05Z"));
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file).toEqual({
      kind: FILE_KIND,
      file_version: 1,
      dataset: DATASET,
      saved_at: "2026-01-02T03:04:05.000Z",
      profile: { A5: 3, B1: 4, B2: 2 },
    });
    expect(Object.keys(file.profile as object)).toEqual(["A5", "B1", "B2"]);
  });

  it("reads back what it wrote", () => {
    const text = assessmentFile({ B1: 4, A5: 3 }, DATASET);
    expect(readAssessmentFile(text, DATASET, LEVELS)).toEqual({ ok: true, profile: { A5: 3, B1: 4 }, notes: [] });
  });

  it("leaves out levels the framework does not define, and says the data changed", () => {
    const text = assessmentFile({ A5: 1, B2: 3, Z9: 2 }, DATASET);
    const read = readAssessmentFile(text, { ...DATASET, version: "newer" }, LEVELS);
    expect(read.ok && read.profile).toEqual({ B2: 3 });
    expect(read.ok && read.notes).toEqual([
      "The data has changed since this file was saved: each level was checked against today’s.",
      "Left out, not levels of this framework: A5:1, Z9:2.",
    ]);
  });

  it("refuses other files and other datasets", () => {
    expect(readAssessmentFile("not json", DATASET, LEVELS)).toMatchObject({ ok: false });
    expect(readAssessmentFile('{"kind":"something else"}', DATASET, LEVELS)).toMatchObject({ ok: false });
    const other = assessmentFile({ B1: 2 }, { id: "onet", version: "1" });
    const read = readAssessmentFile(other, DATASET, LEVELS);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason).toContain("“onet”");
  });
});
