/** Which of the datasets the service serves a screen shows. */
import type { DatasetInfo } from "../api";

/** The dataset named `id`, or the default one for null; undefined when no dataset has that id. */
export function resolveDataset(datasets: readonly DatasetInfo[], id: string | null): DatasetInfo | undefined {
  if (id) return datasets.find((d) => d.id === id);
  return datasets.find((d) => d.default) ?? datasets[0];
}

/** How a dataset reads in a sentence: "the 33 roles of CIGREF 2011 IS roles + e-CF 2.0". */
export function rolesSentence(dataset: DatasetInfo): string {
  const { roles, families } = dataset.counts;
  return `The ${roles} roles of ${dataset.name}, in ${families} ${families === 1 ? "family" : "families"}.`;
}
