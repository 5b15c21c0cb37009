/**
 * A self-assessment ("profile"): competence code -> level held.
 * In URLs it reads `B1:3,B2:2`; between visits it is kept in localStorage, one per dataset.
 * Codes are the dataset's own (opaque, possibly with `:` inside: the level follows the last one).
 */
import type { Profile } from "../api";
import { compareCodes } from "./naturalOrder";

/** The service's code rule (graph.models.CODE_PATTERN). */
const CODE = /^[A-Za-z0-9](?:[A-Za-z0-9._:+-]{0,62}[A-Za-z0-9])?$/;
/** The highest level any scale may have (graph.models.Level); a dataset's own top is checked by the service. */
const HIGHEST_LEVEL = 100;
export const PROFILE_STORAGE_KEY = "careergraph.profile.v1";

function isLevel(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= HIGHEST_LEVEL;
}

export function encodeProfile(profile: Profile): string {
  return Object.keys(profile)
    .filter((code) => isLevel(profile[code] ?? 0))
    .sort(compareCodes)
    .map((code) => `${code}:${profile[code]}`)
    .join(",");
}

export interface DecodedProfile {
  profile: Profile;
  /** Entries that were not `CODE:LEVEL` with a valid code and a level of 1 or more. */
  rejected: string[];
}

export function decodeProfile(text: string): DecodedProfile {
  const profile: Profile = {};
  const rejected: string[] = [];
  for (const entry of text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const colon = entry.lastIndexOf(":");
    const code = entry.slice(0, Math.max(colon, 0)).trim();
    const level = colon >= 0 ? Number(entry.slice(colon + 1)) : NaN;
    if (CODE.test(code) && isLevel(level)) profile[code] = level;
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

/** Where a dataset's self-assessment is kept; the default dataset keeps the key it always had. */
export function profileStorageKey(dataset: string | null): string {
  return dataset ? `${PROFILE_STORAGE_KEY}.${dataset}` : PROFILE_STORAGE_KEY;
}

export function loadProfile(storage: Pick<Storage, "getItem"> = localStorage, key = PROFILE_STORAGE_KEY): Profile {
  try {
    return decodeProfile(storage.getItem(key) ?? "").profile;
  } catch {
    return {};
  }
}

export function saveProfile(
  profile: Profile,
  storage: Pick<Storage, "setItem"> = localStorage,
  key = PROFILE_STORAGE_KEY,
): void {
  try {
    storage.setItem(key, encodeProfile(profile));
  } catch {
    // storage full or disabled (private mode): the profile still lives in the URL
  }
}
