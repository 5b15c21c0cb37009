/**
 * Everything below the app shell sees one dataset: the one the URL names
 * (`?dataset=`), or the default. It points the API client at it, loads its
 * catalogue, and gives a fresh screen when the dataset changes.
 *
 * A link written without the dataset (react-router's own Link, not ../lib/links)
 * would silently switch to the default dataset; such a navigation is sent on to the
 * same URL with the dataset added. Only the dataset picker (which says so in the
 * navigation's state) and the browser's back and forward buttons change it.
 */
import { useState, type ReactNode } from "react";
import { Link, Navigate, NavigationType, useLocation, useNavigationType, useSearchParams } from "react-router";
import { setRequestDataset, type DatasetInfo } from "../api";
import { CatalogueContext } from "../context";
import { loadCatalogue } from "../lib/catalogue";
import { DATASET_CHOSEN, datasetOf, switchDatasetHref, withDataset } from "../lib/datasetUrl";
import { resolveDataset } from "../lib/datasets";
import { useResource } from "../lib/useResource";
import { Await } from "./Await";

export function DatasetScope({ datasets, children }: { datasets: DatasetInfo[]; children: ReactNode }) {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigation = useNavigationType();
  const wanted = datasetOf(params);
  const chosen = (location.state as Partial<typeof DATASET_CHOSEN> | null)?.datasetChosen === true;
  const [kept, setKept] = useState(wanted);
  const dropped = !wanted && kept !== null && !chosen && navigation !== NavigationType.Pop;
  if (wanted !== kept && !dropped) setKept(wanted);
  if (dropped) {
    return <Navigate replace to={withDataset(`${location.pathname}${location.search}${location.hash}`, kept)} />;
  }

  const dataset = resolveDataset(datasets, wanted);
  if (!dataset) return <UnknownDataset id={wanted ?? ""} datasets={datasets} />;
  setRequestDataset(wanted);
  return (
    <CatalogueScope key={dataset.id} dataset={dataset}>
      {children}
    </CatalogueScope>
  );
}

function CatalogueScope({ dataset, children }: { dataset: DatasetInfo; children: ReactNode }) {
  const catalogue = useResource(() => loadCatalogue(dataset), [dataset]);
  return (
    <Await resource={catalogue} what={`the roles and competences of ${dataset.name}`} level={1}>
      {(data) => <CatalogueContext.Provider value={data}>{children}</CatalogueContext.Provider>}
    </Await>
  );
}

function UnknownDataset({ id, datasets }: { id: string; datasets: DatasetInfo[] }) {
  const { pathname } = useLocation();
  return (
    <section className="problem" role="alert" aria-labelledby="problem-title">
      <h1 id="problem-title">Unknown dataset</h1>
      <p>The service holds no dataset “{id}”. It holds:</p>
      <ul className="suggestions">
        {/* react-router's Link: these set the dataset themselves. */}
        {datasets.map((d) => (
          <li key={d.id}>
            <Link to={switchDatasetHref(pathname, d.default ? null : d.id)} state={DATASET_CHOSEN}>
              {d.name} <span className="code">{d.id}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
