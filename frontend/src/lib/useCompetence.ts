/**
 * A competence with its level descriptors, from the visit-wide cache; undefined until it
 * arrives, and while `code` is undefined (nothing asked yet: no request is made).
 */
import { useEffect, useState } from "react";
import { useCatalogue } from "../context";
import { loadDescribedCompetences, type DescribedCompetence } from "./catalogue";

export function useCompetence(code: string | undefined): DescribedCompetence | undefined {
  const version = useCatalogue().dataset.dataset_version;
  const [described, setDescribed] = useState<Map<string, DescribedCompetence> | undefined>(undefined);
  useEffect(() => {
    if (code === undefined) return;
    let live = true;
    loadDescribedCompetences(version).then(
      (loaded) => live && setDescribed(loaded),
      () => live && setDescribed(undefined),
    );
    return () => {
      live = false;
    };
  }, [version, code]);
  return code === undefined ? undefined : described?.get(code);
}
