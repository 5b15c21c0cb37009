/** A competence sheet for a component, from the visit-wide cache; undefined until it arrives. */
import { useEffect, useState } from "react";
import type { CompetenceSheet } from "../api";
import { loadCompetence } from "./catalogue";

export function useCompetence(code: string): CompetenceSheet | undefined {
  const [sheet, setSheet] = useState<CompetenceSheet | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadCompetence(code).then(
      (loaded) => live && setSheet(loaded),
      () => live && setSheet(undefined),
    );
    return () => {
      live = false;
    };
  }, [code]);
  return sheet?.code === code ? sheet : undefined;
}
