/**
 * The reference data every screen needs to name things (the dataset, its role
 * titles, families, competences, areas and level scale), fetched once per dataset
 * per visit and shared. The level descriptors of every competence (one request,
 * `include=levels`) and the career graph are fetched on demand and kept for the
 * rest of the visit.
 */
import {
  api,
  requestedDataset,
  type CompetenceSummary,
  type DatasetInfo,
  type Family,
  type GraphAnswer,
  type LevelInfo,
  type RoleSummary,
} from "../api";
import type { LevelScale } from "./levels";
import { areasWithColours, familyColour, type AreaInfo } from "./palette";

export interface Catalogue {
  dataset: DatasetInfo;
  roles: RoleSummary[];
  families: Family[];
  competences: CompetenceSummary[];
  /** The dataset's areas of competences, in its order, with their colours. */
  areas: AreaInfo[];
  scale: LevelScale;
  roleByCode: ReadonlyMap<string, RoleSummary>;
  /** Each family's position in the dataset's order, which gives its colour. */
  familyOrder: ReadonlyMap<string, number>;
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

/** A cache key naming the dataset requests go to now, so two datasets never share an answer. */
const inDataset = (key: string): string => `${requestedDataset() ?? ""}|${key}`;

export function makeCatalogue(
  dataset: DatasetInfo,
  roles: RoleSummary[],
  families: Family[],
  competences: CompetenceSummary[],
): Catalogue {
  return {
    dataset,
    roles,
    families,
    competences,
    areas: areasWithColours(dataset.areas),
    scale: { labels: dataset.scale.labels },
    roleByCode: new Map(roles.map((r) => [r.code, r])),
    familyOrder: new Map(families.map((f, i) => [f.code, i])),
  };
}

const catalogues = memo(() =>
  Promise.all([api.roles(), api.families(), api.competences()]).then(([roles, families, competences]) => ({
    roles,
    families,
    competences,
  })),
);

export function loadCatalogue(dataset: DatasetInfo): Promise<Catalogue> {
  return catalogues(inDataset(dataset.dataset_version)).then(({ roles, families, competences }) =>
    makeCatalogue(dataset, roles, families, competences),
  );
}

const graphs = memo(() => api.graph());
/** Every role and career link of the dataset at `version` (large for big catalogues: asked only when a view needs it). */
export const loadGraph = (version: string): Promise<GraphAnswer> => graphs(inDataset(version));

/** A competence with its description and each applicable level described. */
export interface DescribedCompetence {
  code: string;
  title: string;
  description: string;
  levels: LevelInfo[];
}

const described = memo(() =>
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
/** Every competence of the dataset at `version` described, by code: one request (`include=levels`). */
export const loadDescribedCompetences = (version: string): Promise<Map<string, DescribedCompetence>> =>
  described(inDataset(version));

export function roleTitle(catalogue: Catalogue, code: string): string {
  return catalogue.roleByCode.get(code)?.title ?? code;
}

export function isRole(catalogue: Catalogue, code: string): boolean {
  return catalogue.roleByCode.has(code);
}

export function rolesOfFamily(catalogue: Catalogue, family: string): RoleSummary[] {
  return catalogue.roles.filter((r) => r.family.code === family);
}

export function familyColourOf(catalogue: Catalogue, family: string): string {
  return familyColour(catalogue.familyOrder.get(family) ?? catalogue.families.length);
}

export function areaOf(catalogue: Catalogue, code: string): AreaInfo {
  return catalogue.areas.find((a) => a.code === code) ?? { code, name: `Area ${code}`, colour: "#666666" };
}
