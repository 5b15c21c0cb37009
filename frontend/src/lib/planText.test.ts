import { describe, expect, it } from "vitest";
import { experienceLines, planFileName } from "./planText";

describe("experience a sheet asks for", () => {
  it("shows what the sheet states and invents nothing", () => {
    expect(experienceLines(null)).toEqual([]);
    expect(experienceLines({ profile: "", experience: "", note: null, min_experience_years: null })).toEqual([]);
    expect(
      experienceLines({ profile: "Bac +5", experience: "3 to 5 years", note: "long", min_experience_years: 3 }),
    ).toEqual(["At least 3 years of experience", "Experience: 3 to 5 years", "Profile: Bac +5"]);
  });

  it("names the file after both ends", () => {
    expect(planFileName("3.2", "3.4")).toBe("plan_3.2_to_3.4.md");
    expect(planFileName("", "3.4")).toBe("plan_self-assessment_to_3.4.md");
  });
});
