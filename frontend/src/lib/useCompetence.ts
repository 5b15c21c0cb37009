/** A competence with its level descriptors, from the visit-wide cache; undefined until it arrives. */
import { useEffect, useState } from "react";
import { useCatalogue } from "../context";
import { loadDescribedCompetences, type DescribedCompetence } from "./catalogue";

export function useCompetence(code: string): DescribedCompetence | undefined {
  const version = useCatalogue().dataset.dataset_version;
  const [described, setDescribed] = useState<Map<string, DescribedCompetence> | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadDescribedCompetences(version).then(
      (loaded) => live && setDescribed(loaded),
      () => live && setDescribed(undefined),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return described?.get(code);
}
