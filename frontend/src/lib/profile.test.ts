import { describe, expect, it } from "vitest";
import {
  decodeProfile,
  encodeProfile,
  holdingsOfRole,
  loadProfile,
  PROFILE_STORAGE_KEY,
  profileStorageKey,
  saveProfile,
  withLevel,
} from "./profile";

describe("profile encoding", () => {
  it("orders competences naturally, D10 after D9", () => {
    expect(encodeProfile({ D10: 2, D9: 3, A1: 4 })).toBe("A1:4,D9:3,D10:2");
  });

  it("round-trips and tolerates spaces", () => {
    expect(decodeProfile(" B1:3 , B2:2,")).toEqual({ profile: { B1: 3, B2: 2 }, rejected: [] });
    expect(decodeProfile(encodeProfile({ E9: 5, A1: 1 })).profile).toEqual({ E9: 5, A1: 1 });
  });

  it("takes any dataset's codes, a colon inside one included, and levels above 5", () => {
    const profile = { "craft:joinery": 4, "S1.12": 7, "2.1-a": 1 };
    expect(encodeProfile(profile)).toBe("2.1-a:1,craft:joinery:4,S1.12:7");
    expect(decodeProfile(encodeProfile(profile))).toEqual({ profile, rejected: [] });
  });

  it("rejects entries that are not a code with a level of 1 or more", () => {
    expect(decodeProfile("B1:0,B2:101,B3:x,B4,:2,a b:1,-x:2").rejected).toEqual([
      "B1:0",
      "B2:101",
      "B3:x",
      "B4",
      ":2",
      "a b:1",
      "-x:2",
    ]);
  });

  it("drops levels below 1 when encoding", () => {
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

  it("keeps one self-assessment per dataset, the default's under the key it always had", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    saveProfile({ B1: 3 }, storage, profileStorageKey(null));
    saveProfile({ "craft:joinery": 2 }, storage, profileStorageKey("demo-guild"));
    expect(profileStorageKey(null)).toBe(PROFILE_STORAGE_KEY);
    expect(loadProfile(storage, profileStorageKey(null))).toEqual({ B1: 3 });
    expect(loadProfile(storage, profileStorageKey("demo-guild"))).toEqual({ "craft:joinery": 2 });
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
