/**
 * Which dataset a screen shows is part of its URL: `?dataset=onet-30-2`, absent for
 * the service's default. Every link the UI writes carries it on (see ./links.tsx).
 */

export const DATASET_PARAM = "dataset";

/** The navigation state the dataset picker sends: this change of dataset is wanted (see DatasetScope). */
export const DATASET_CHOSEN = { datasetChosen: true } as const;

/** The dataset a URL's query names, or null for the default. */
export function datasetOf(search: string | URLSearchParams): string | null {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  return params.get(DATASET_PARAM)?.trim() || null;
}

/**
 * `href` with its dataset set to `dataset` (removed for null). A link that names a
 * dataset itself keeps it unless `force` says to replace it.
 */
export function withDataset(href: string, dataset: string | null, force = false): string {
  const hashAt = href.indexOf("#");
  const hash = hashAt >= 0 ? href.slice(hashAt) : "";
  const rest = hashAt >= 0 ? href.slice(0, hashAt) : href;
  const queryAt = rest.indexOf("?");
  const path = queryAt >= 0 ? rest.slice(0, queryAt) : rest;
  const params = new URLSearchParams(queryAt >= 0 ? rest.slice(queryAt + 1) : "");
  if (params.has(DATASET_PARAM) && !force) return href;
  if (dataset) params.set(DATASET_PARAM, dataset);
  else params.delete(DATASET_PARAM);
  // Keep the readable separators the screens use in their URLs (`path=3.2,3.4`, `B1:3`).
  const query = params.toString().replaceAll("%2C", ",").replaceAll("%3A", ":");
  return `${path}${query ? `?${query}` : ""}${hash}`;
}

/**
 * Where the dataset picker leads from a screen: the same section of the app (its
 * first path segment), since the codes on the screen belong to the other dataset.
 */
export function switchDatasetHref(pathname: string, dataset: string | null): string {
  const section = pathname.split("/").filter(Boolean)[0];
  return withDataset(section ? `/${section}` : "/", dataset, true);
}
