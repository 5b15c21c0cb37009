/** What component tests render inside: a router and a catalogue like the seed's (e-CF scale and areas). */
import type { ReactNode } from "react";
import { MemoryRouter } from "react-router";
import type { DatasetInfo } from "../api";
import { CatalogueContext } from "../context";
import { makeCatalogue, type Catalogue } from "../lib/catalogue";

export const ECF_DATASET: DatasetInfo = {
  id: "cigref-2011",
  name: "CIGREF 2011 IS roles + e-CF 2.0",
  default: true,
  dataset_version: "test",
  source: "",
  licence: "test licence",
  attribution: "test attribution",
  scale: { labels: ["e-1", "e-2", "e-3", "e-4", "e-5"], mappings: { EQF: ["3", "4-5", "6", "7", "8"] } },
  areas: [
    { code: "A", name: "PLAN" },
    { code: "B", name: "BUILD" },
    { code: "C", name: "RUN" },
    { code: "D", name: "ENABLE" },
    { code: "E", name: "MANAGE" },
  ],
  counts: {
    families: 0,
    roles: 0,
    competences: 0,
    requirements: 0,
    knowledge: 0,
    skills: 0,
    links_documented: 0,
    links_inferred: 0,
  },
  within_reach: 0.6,
};

export function catalogueOf(
  dataset: DatasetInfo = ECF_DATASET,
  { roles = [], families = [], competences = [] }: Partial<Pick<Catalogue, "roles" | "families" | "competences">> = {},
): Catalogue {
  return makeCatalogue(dataset, roles, families, competences);
}

/** Renders `children` at `url` with `catalogue` (the e-CF one unless given). */
export function InApp({
  children,
  catalogue = catalogueOf(),
  url = "/",
}: {
  children: ReactNode;
  catalogue?: Catalogue;
  url?: string;
}) {
  return (
    <MemoryRouter initialEntries={[url]}>
      <CatalogueContext.Provider value={catalogue}>{children}</CatalogueContext.Provider>
    </MemoryRouter>
  );
}
