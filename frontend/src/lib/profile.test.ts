import { describe, expect, it } from "vitest";
import {
  compareCompetenceCodes,
  decodeProfile,
  encodeProfile,
  holdingsOfRole,
  loadProfile,
  PROFILE_STORAGE_KEY,
  saveProfile,
  withLevel,
} from "./profile";

describe("profile encoding", () => {
  it("orders competences as the e-CF does, D10 after D9", () => {
    expect(["D10", "B1", "D9", "A10", "A2"].sort(compareCompetenceCodes)).toEqual(["A2", "A10", "B1", "D9", "D10"]);
    expect(encodeProfile({ D10: 2, D9: 3, A1: 4 })).toBe("A1:4,D9:3,D10:2");
  });

  it("round-trips and tolerates spaces and lower case", () => {
    expect(decodeProfile(" b1:3 , B2:2,")).toEqual({ profile: { B1: 3, B2: 2 }, rejected: [] });
    expect(decodeProfile(encodeProfile({ E9: 5, A1: 1 })).profile).toEqual({ E9: 5, A1: 1 });
  });

  it("rejects entries that are not a competence code with a level 1..5", () => {
    expect(decodeProfile("B1:0,B2:6,F1:2,B3:x,B4").rejected).toEqual(["B1:0", "B2:6", "F1:2", "B3:x", "B4"]);
  });

  it("drops levels outside 1..5 when encoding", () => {
    expect(encodeProfile({ B1: 0, B2: 2 })).toBe("B2:2");
  });

  it("takes a role's holdings at the low end of each requirement", () => {
    expect(
      holdingsOfRole([
        { code: "B1", level: 2 },
        { code: "A6", level: 1 },
      ]),
    ).toEqual({ B1: 2, A6: 1 });
  });

  it("sets and clears a level without touching the original", () => {
    const start = { B1: 3 };
    expect(withLevel(start, "B2", 2)).toEqual({ B1: 3, B2: 2 });
    expect(withLevel(start, "B1", 0)).toEqual({});
    expect(start).toEqual({ B1: 3 });
  });
});

describe("profile storage", () => {
  it("saves and loads through the storage it is given", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    saveProfile({ B2: 2, B1: 3 }, storage);
    expect(store.get(PROFILE_STORAGE_KEY)).toBe("B1:3,B2:2");
    expect(loadProfile(storage)).toEqual({ B1: 3, B2: 2 });
  });

  it("starts empty when storage is empty, corrupt or unavailable", () => {
    expect(loadProfile({ getItem: () => null })).toEqual({});
    expect(loadProfile({ getItem: () => "garbage" })).toEqual({});
    expect(
      loadProfile({
        getItem: () => {
          throw new Error("denied");
        },
      }),
    ).toEqual({});
    expect(() =>
      saveProfile(
        { B1: 1 },
        {
          setItem: () => {
            throw new Error("quota");
          },
        },
      ),
    ).not.toThrow();
  });
});
