/**
 * The reference data every screen needs to name things (role titles, families,
 * competences), fetched once per visit and shared. The level descriptors of every
 * competence come in one request, on demand, and are kept for the rest of the visit.
 */
import { api, type CompetenceSummary, type Family, type LevelInfo, type RoleSummary } from "../api";

export interface Catalogue {
  roles: RoleSummary[];
  families: Family[];
  competences: CompetenceSummary[];
}

/** Remembers a promise per key; a failed one is forgotten so a retry asks again. */
function memo<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let pending = cache.get(key);
    if (!pending) {
      pending = load(key).catch((error: unknown) => {
        cache.delete(key);
        throw error;
      });
      cache.set(key, pending);
    }
    return pending;
  };
}

export const loadCatalogue: () => Promise<Catalogue> = (() => {
  const load = memo(() =>
    Promise.all([api.roles(), api.families(), api.competences()]).then(([roles, families, competences]) => ({
      roles,
      families,
      competences,
    })),
  );
  return () => load("all");
})();

/** A competence with its description and each applicable level described. */
export interface DescribedCompetence {
  code: string;
  title: string;
  description: string;
  levels: LevelInfo[];
}

/** Every competence described, by code: one request (`include=levels`) per visit. */
export const loadDescribedCompetences: () => Promise<Map<string, DescribedCompetence>> = (() => {
  const load = memo(() =>
    api
      .competencesDescribed()
      .then(
        (competences) =>
          new Map(
            competences.map((c) => [
              c.code,
              { code: c.code, title: c.title, description: c.description ?? "", levels: c.descriptors ?? [] },
            ]),
          ),
      ),
  );
  return () => load("all");
})();

export function roleTitle(catalogue: Catalogue, code: string): string {
  return catalogue.roles.find((r) => r.code === code)?.title ?? code;
}

export function isRole(catalogue: Catalogue, code: string): boolean {
  return catalogue.roles.some((r) => r.code === code);
}

export function rolesOfFamily(catalogue: Catalogue, family: string): RoleSummary[] {
  return catalogue.roles.filter((r) => r.family.code === family);
}
