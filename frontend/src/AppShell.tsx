/**
 * The frame of every screen: a skip link, the navigation, and the catalogue
 * (roles, families, competences) loaded once before any screen renders.
 */
import { useEffect, useRef } from "react";
import { NavLink, Outlet, useLocation } from "react-router";
import { api } from "./api";
import { Await } from "./components/Await";
import { CatalogueContext } from "./context";
import { loadCatalogue } from "./lib/catalogue";
import { useResource } from "./lib/useResource";

const NAV = [
  { to: "/", label: "Start", end: true },
  { to: "/map", label: "Career map", end: false },
  { to: "/roles", label: "Roles", end: false },
  { to: "/competences", label: "Competences", end: false },
  { to: "/assess", label: "Rate myself", end: false },
  { to: "/hr", label: "HR analytics", end: false },
];

/** Which data the answers come from, so a shared screenshot can be traced. */
function DatasetVersion() {
  const meta = useResource((signal) => api.meta(signal), []);
  if (meta.state !== "ready") return null;
  return <> Data version {meta.data.dataset_version}.</>;
}

export function AppShell() {
  const catalogue = useResource(() => loadCatalogue(), []);
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
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Await resource={catalogue} what="the roles and competences" level={1}>
          {(data) => (
            <CatalogueContext.Provider value={data}>
              <Outlet />
            </CatalogueContext.Provider>
          )}
        </Await>
      </main>
      <footer className="site-footer">
        <p>
          Roles: CIGREF nomenclature of IS roles (2011). Competences: European e-Competence Framework 2.0.
          <DatasetVersion />
        </p>
      </footer>
    </>
  );
}
