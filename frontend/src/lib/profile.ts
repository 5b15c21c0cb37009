/**
 * A self-assessment ("profile"): competence code -> level held.
 * In URLs it reads `B1:3,B2:2`; between visits it is kept in localStorage.
 */
import type { Profile } from "../api";
import { MAX_LEVEL } from "./levels";

const COMPETENCE = /^[A-E]([1-9]|10)$/;
export const PROFILE_STORAGE_KEY = "careergraph.profile.v1";

/** Orders competence codes as the e-CF does: by area, then number (D10 after D9). */
export function compareCompetenceCodes(a: string, b: string): number {
  return a.charAt(0).localeCompare(b.charAt(0)) || Number(a.slice(1)) - Number(b.slice(1));
}

function isLevel(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= MAX_LEVEL;
}

export function encodeProfile(profile: Profile): string {
  return Object.keys(profile)
    .filter((code) => isLevel(profile[code] ?? 0))
    .sort(compareCompetenceCodes)
    .map((code) => `${code}:${profile[code]}`)
    .join(",");
}

export interface DecodedProfile {
  profile: Profile;
  /** Entries that were not `CODE:LEVEL` with a known code shape and level 1..5. */
  rejected: string[];
}

export function decodeProfile(text: string): DecodedProfile {
  const profile: Profile = {};
  const rejected: string[] = [];
  for (const entry of text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [rawCode = "", rawLevel = ""] = entry.split(":");
    const code = rawCode.trim().toUpperCase();
    const level = Number(rawLevel);
    if (COMPETENCE.test(code) && isLevel(level)) profile[code] = level;
    else rejected.push(entry);
  }
  return { profile, rejected };
}

export function withLevel(profile: Profile, code: string, level: number): Profile {
  const next = { ...profile };
  if (isLevel(level)) next[code] = level;
  else delete next[code];
  return next;
}

/** What a role's holder has: each required competence at the low end of its levels. */
export function holdingsOfRole(requirements: readonly { code: string; level: number }[]): Profile {
  return Object.fromEntries(requirements.map((r) => [r.code, r.level]));
}

export function loadProfile(storage: Pick<Storage, "getItem"> = localStorage): Profile {
  try {
    return decodeProfile(storage.getItem(PROFILE_STORAGE_KEY) ?? "").profile;
  } catch {
    return {};
  }
}

export function saveProfile(profile: Profile, storage: Pick<Storage, "setItem"> = localStorage): void {
  try {
    storage.setItem(PROFILE_STORAGE_KEY, encodeProfile(profile));
  } catch {
    // storage full or disabled (private mode): the profile still lives in the URL
  }
}
