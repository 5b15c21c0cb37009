/**
 * What-if raises in the URL, so a scenario can be reloaded and shared:
 * `?raise=B2:3:role:3.2&raise=E2:3:unit:Payments&raise=B1:4:people:P1+P2`.
 */
import type { WhatIfRaise } from "./api";

export type TargetKind = "role" | "unit" | "people";

export interface RaiseInput {
  competence: string;
  level: number;
  kind: TargetKind;
  target: string;
}

const KINDS: TargetKind[] = ["role", "unit", "people"];

export function encodeRaise(r: RaiseInput): string {
  const target = r.kind === "people" ? splitPeople(r.target).join("+") : r.target.trim();
  return `${r.competence}:${r.level}:${r.kind}:${target}`;
}

/** The raise a URL entry names, or null when it is not of the form C:L:kind:target. */
export function decodeRaise(text: string): RaiseInput | null {
  const [competence, level, kind, ...rest] = text.split(":");
  const target = rest.join(":").trim(); // a unit name may hold a colon
  const number = Number(level);
  if (!competence || !Number.isInteger(number) || number < 1 || !target) return null;
  if (!KINDS.includes(kind as TargetKind)) return null;
  const people = kind === "people" ? target.replaceAll("+", ",") : target;
  return { competence, level: number, kind: kind as TargetKind, target: people };
}

export function splitPeople(text: string): string[] {
  return text
    .split(/[\s,+]+/)
    .map((id) => id.trim())
    .filter(Boolean);
}

/** The API's raise for an input. */
export function toRaise(r: RaiseInput): WhatIfRaise {
  if (r.kind === "people") return { competence: r.competence, level: r.level, people: splitPeople(r.target) };
  return r.kind === "role"
    ? { competence: r.competence, level: r.level, role: r.target }
    : { competence: r.competence, level: r.level, unit: r.target };
}

export function describeTarget(r: RaiseInput): string {
  if (r.kind === "people") return `${splitPeople(r.target).length} people`;
  return r.kind === "role" ? `the holders of ${r.target}` : `everyone in ${r.target}`;
}
