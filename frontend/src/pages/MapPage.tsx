/**
 * The career map. By default one role's neighbourhood (`?role=`), else the
 * families as clusters that expand on demand (`?family=`), the whole map when
 * asked and small enough (`?all=1`), or a chain of roles (`?path=`). Every view
 * has the same moves as a list beside it.
 */
import { useSearchParams } from "react-router";
import { FamilyMap } from "../components/FamilyMap";
import { LinkKindTag } from "../components/LinkKindTag";
import { NeighbourhoodMap } from "../components/NeighbourhoodMap";
import { PathMap } from "../components/PathMap";
import { RoleLink } from "../components/RoleLink";
import { RolePicker } from "../components/RolePicker";
import { useCatalogue } from "../context";
import { MAP_ROLE_LIMIT } from "../lib/clusters";
import { plural } from "../lib/format";
import { Link, useNavigate } from "../lib/links";
import { useTitle } from "../lib/useTitle";
import { mapHref, mapView, parseMapQuery, type MapQuery, type MapView } from "../lib/urlState";

export function MapPage() {
  useTitle("Career map");
  const catalogue = useCatalogue();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const query = parseMapQuery(params);
  const view = mapView(query);
  const { path, onlyDocumented } = query;
  const role = view.kind === "role" ? view.role : "";
  const documented = catalogue.dataset.counts.links_documented > 0;

  return (
    <div className="map-page">
      <h1>Career map</h1>
      <p className="lead">{LEADS[view.kind]}</p>
      <div className="map-toolbar">
        <RolePicker
          label="Show the moves of"
          value={role}
          onChange={(code) => void navigate(mapHref({ role: code, onlyDocumented }))}
          browse={false}
        />
        <MapViews view={view} query={query} />
      </div>
      {path.length > 0 && view.kind !== "path" && (
        <p className="path-banner" role="status">
          {path.length === 1 ? "Highlighted role" : "Highlighted path"}:{" "}
          {path.map((code, i) => (
            <span key={code}>
              {i > 0 && " → "}
              <RoleLink code={code} />
            </span>
          ))}{" "}
          <Link to={mapHref({ ...query, path: [] })}>Clear</Link>
        </p>
      )}
      <MapLegend />
      {(documented || onlyDocumented) && view.kind !== "path" && (
        <label className="map-filter">
          <input
            type="checkbox"
            checked={onlyDocumented}
            onChange={(event) =>
              void navigate(mapHref({ ...query, onlyDocumented: event.target.checked }), { replace: true })
            }
          />{" "}
          Only moves the source document names (a highlighted path stays drawn)
        </label>
      )}
      <MapBody view={view} query={query} />
    </div>
  );
}

const LEADS: Record<MapView["kind"], string> = {
  role: "The roles this one leads to (right) and comes from (left), documented moves first. Select a role to see its own moves.",
  families:
    "The families of roles, each as one node; arrows count the moves between them. Expand a family to see its roles.",
  all: "Every role, coloured by family. Arrows are career moves; select a role to see its moves.",
  path: "A chain of roles, one move at a time. Select a role to see all its moves.",
};

function MapBody({ view, query }: { view: MapView; query: MapQuery }) {
  const catalogue = useCatalogue();
  switch (view.kind) {
    case "role":
      return <NeighbourhoodMap key={view.role} code={view.role} query={query} />;
    case "path":
      return <PathMap path={view.path} />;
    case "families":
      return <FamilyMap expanded={view.expanded} query={query} whole={false} />;
    case "all":
      return <FamilyMap expanded={catalogue.families.map((f) => f.code)} query={query} whole />;
  }
}

/** The other views: the role's family, the families, the whole map (or why not). */
function MapViews({ view, query }: { view: MapView; query: MapQuery }) {
  const catalogue = useCatalogue();
  const { onlyDocumented, path } = query;
  const family = view.kind === "role" ? catalogue.roleByCode.get(view.role)?.family : undefined;
  const roles = catalogue.roles.length;
  return (
    <nav className="map-views" aria-label="Map views">
      <ul>
        {family && (
          <li>
            <Link
              to={mapHref({ families: [family.code], path: [view.kind === "role" ? view.role : ""], onlyDocumented })}
            >
              Its family, {family.name}
            </Link>
          </li>
        )}
        <li>
          <Link
            to={mapHref({ onlyDocumented, path })}
            aria-current={view.kind === "families" && view.expanded.length === 0 ? "page" : undefined}
          >
            All {plural(catalogue.families.length, "family", "families")}
          </Link>
        </li>
        <li>
          {roles <= MAP_ROLE_LIMIT ? (
            <Link
              to={mapHref({ all: true, path, onlyDocumented })}
              aria-current={view.kind === "all" ? "page" : undefined}
            >
              The whole map ({plural(roles, "role")})
            </Link>
          ) : (
            <span className="hint" data-testid="whole-map-refused">
              The whole map ({plural(roles, "role")}) is too large to draw; the map draws at most {MAP_ROLE_LIMIT}.
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}

function MapLegend() {
  return (
    <div className="map-legend">
      <ul aria-label="Links">
        <li>
          <span className="legend-line documented" aria-hidden="true" /> <LinkKindTag kind="documented" /> move
        </li>
        <li>
          <span className="legend-line inferred" aria-hidden="true" /> <LinkKindTag kind="inferred" /> move
        </li>
        <li>
          <span className="legend-line counted" aria-hidden="true" /> several moves between families (thicker: more)
        </li>
      </ul>
    </div>
  );
}
