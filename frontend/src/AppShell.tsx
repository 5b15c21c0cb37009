/**
 * The frame of every screen: a skip link, the navigation, the dataset picker, and
 * the dataset's catalogue (roles, families, competences) loaded before any screen
 * renders (DatasetScope). The footer credits the data shown.
 */
import { Suspense, useEffect, useRef } from "react";
import { Outlet, useLocation, useSearchParams } from "react-router";
import { api, type DatasetInfo } from "./api";
import { Await } from "./components/Await";
import { DatasetPicker } from "./components/DatasetPicker";
import { DatasetScope } from "./components/DatasetScope";
import { Loading } from "./components/Loading";
import { datasetOf } from "./lib/datasetUrl";
import { resolveDataset } from "./lib/datasets";
import { NavLink } from "./lib/links";
import { useResource } from "./lib/useResource";

const NAV = [
  { to: "/", label: "Start", end: true },
  { to: "/map", label: "Career map", end: false },
  { to: "/roles", label: "Roles", end: false },
  { to: "/competences", label: "Competences", end: false },
  { to: "/assess", label: "Rate myself", end: false },
  { to: "/hr", label: "HR analytics", end: false },
];

/** Which data the answers come from, credited as its licence asks, and its version so a shared screenshot can be traced. */
function DataCredit({ dataset }: { dataset: DatasetInfo }) {
  return (
    <p data-testid="attribution">
      Data: {dataset.name}. {dataset.attribution} {dataset.licence && <>Licence: {dataset.licence}. </>}
      Data version {dataset.dataset_version}.
    </p>
  );
}

export function AppShell() {
  const datasets = useResource((signal) => api.datasets(signal), []);
  const [params] = useSearchParams();
  const current = datasets.state === "ready" ? resolveDataset(datasets.data, datasetOf(params)) : undefined;
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // After a navigation, move focus to the new screen so keyboard and screen-reader users follow.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [pathname]);

  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="site-header">
        <NavLink to="/" className="brand" end>
          careergraph
        </NavLink>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {datasets.state === "ready" && <DatasetPicker datasets={datasets.data} current={current} />}
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Await resource={datasets} what="the datasets" level={1}>
          {(data) => (
            <DatasetScope datasets={data}>
              {/* A new boundary per address: while a screen's code loads, say so, rather than
                  leave the last screen showing under the new address. */}
              <Suspense key={pathname} fallback={<Loading what="the screen" />}>
                <Outlet />
              </Suspense>
            </DatasetScope>
          )}
        </Await>
      </main>
      <footer className="site-footer">{current && <DataCredit dataset={current} />}</footer>
    </>
  );
}
