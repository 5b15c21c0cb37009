/**
 * The reference data every screen needs to name things (role titles, families,
 * competences), fetched once per visit and shared. Competence sheets (with the
 * level descriptors) are fetched on demand and kept for the rest of the visit.
 */
import { api, type CompetenceSheet, type CompetenceSummary, type Family, type RoleSummary } from "../api";

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

export const loadCompetence: (code: string) => Promise<CompetenceSheet> = memo((code) => api.competence(code));

export function roleTitle(catalogue: Catalogue, code: string): string {
  return catalogue.roles.find((r) => r.code === code)?.title ?? code;
}

export function isRole(catalogue: Catalogue, code: string): boolean {
  return catalogue.roles.some((r) => r.code === code);
}

export function rolesOfFamily(catalogue: Catalogue, family: string): RoleSummary[] {
  return catalogue.roles.filter((r) => r.family.code === family);
}
