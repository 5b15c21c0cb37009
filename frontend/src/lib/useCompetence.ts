/** A competence with its level descriptors, from the visit-wide cache; undefined until it arrives. */
import { useEffect, useState } from "react";
import { loadDescribedCompetences, type DescribedCompetence } from "./catalogue";

export function useCompetence(code: string): DescribedCompetence | undefined {
  const [described, setDescribed] = useState<Map<string, DescribedCompetence> | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadDescribedCompetences().then(
      (loaded) => live && setDescribed(loaded),
      () => live && setDescribed(undefined),
    );
    return () => {
      live = false;
    };
  }, []);
  return described?.get(code);
}
