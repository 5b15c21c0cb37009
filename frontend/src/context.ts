/** The catalogue, once loaded, is available to every component below the app shell. */
import { createContext, useContext } from "react";
import type { Catalogue } from "./lib/catalogue";

export const CatalogueContext = createContext<Catalogue | null>(null);

export function useCatalogue(): Catalogue {
  const catalogue = useContext(CatalogueContext);
  if (!catalogue) throw new Error("useCatalogue() needs the app shell's CatalogueContext");
  return catalogue;
}
