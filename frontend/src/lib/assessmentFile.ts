/**
 * A self-assessment as a file a person keeps: JSON naming the dataset (id and version)
 * it was rated against, so it can be read back in another browser, or years later.
 */
import type { Profile } from "../api";
import { compareCodes } from "./naturalOrder";

export const FILE_KIND = "careergraph-self-assessment";
export const FILE_VERSION = 1;

export interface AssessmentFile {
  kind: typeof FILE_KIND;
  file_version: typeof FILE_VERSION;
  dataset: { id: string; version: string };
  saved_at: string;
  profile: Profile;
}

export interface DatasetStamp {
  id: string;
  version: string;
}

/** The file's text: the profile in code order, and the dataset it was rated against. */
export function assessmentFile(profile: Profile, dataset: DatasetStamp, now = new Date()): string {
  const ordered: Profile = {};
  for (const code of Object.keys(profile).sort(compareCodes)) ordered[code] = profile[code] ?? 0;
  const file: AssessmentFile = {
    kind: FILE_KIND,
    file_version: FILE_VERSION,
    dataset,
    saved_at: now.toISOString(),
    profile: ordered,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ReadAssessment = { ok: true; profile: Profile; notes: string[] } | { ok: false; reason: string };

/**
 * Reads a file back against the competences served now: each level must be one the
 * framework defines for that competence. What does not fit is left out and said.
 */
export function readAssessmentFile(
  text: string,
  dataset: DatasetStamp,
  levels: ReadonlyMap<string, readonly number[]>,
): ReadAssessment {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { ok: false, reason: "This file is not a careergraph self-assessment (it is not JSON)." };
  }
  if (!isAssessment(file)) return { ok: false, reason: "This file is not a careergraph self-assessment." };
  if (file.dataset.id !== dataset.id) {
    return {
      ok: false,
      reason: `This self-assessment was made on the dataset “${file.dataset.id}”, not “${dataset.id}”.`,
    };
  }
  const notes: string[] = [];
  if (file.dataset.version !== dataset.version) {
    notes.push("The data has changed since this file was saved: each level was checked against today’s.");
  }
  const profile: Profile = {};
  const dropped: string[] = [];
  for (const [code, level] of Object.entries(file.profile)) {
    if (level === 0) continue;
    if (levels.get(code)?.includes(level)) profile[code] = level;
    else dropped.push(`${code}:${level}`);
  }
  if (dropped.length > 0) notes.push(`Left out, not levels of this framework: ${dropped.join(", ")}.`);
  return { ok: true, profile, notes };
}

function isAssessment(value: unknown): value is AssessmentFile {
  if (!value || typeof value !== "object") return false;
  const file = value as Partial<AssessmentFile>;
  return (
    file.kind === FILE_KIND &&
    typeof file.dataset?.id === "string" &&
    typeof file.dataset.version === "string" &&
    !!file.profile &&
    typeof file.profile === "object" &&
    Object.values(file.profile).every((level) => Number.isInteger(level))
  );
}
