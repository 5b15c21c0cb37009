/** The career map: all roles by family with the career links; `?path=` highlights a chain. */
import { useSearchParams } from "react-router";
import { Link, useNavigate } from "../lib/links";
import { api } from "../api";
import { Await } from "../components/Await";
import { CareerMap } from "../components/CareerMap";
import { LinkKindTag } from "../components/LinkKindTag";
import { RoleLink } from "../components/RoleLink";
import { RoleList } from "../components/RoleList";
import { useCatalogue } from "../context";
import { useResource } from "../lib/useResource";
import { useTitle } from "../lib/useTitle";
import { mapHref, parseMapQuery } from "../lib/urlState";
import { FamilyDot } from "../components/Swatches";

export function MapPage() {
  useTitle("Career map");
  const catalogue = useCatalogue();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { path, onlyDocumented } = parseMapQuery(params);
  const graph = useResource((signal) => api.graph(signal), []);

  return (
    <div className="map-page">
      <h1>Career map</h1>
      <p className="lead">
        Every role, coloured by family. Arrows are career moves; select a role to open its sheet. Drag to move around,
        use the wheel or the buttons to zoom.
      </p>
      {path.length > 0 && (
        <p className="path-banner" role="status">
          {path.length === 1 ? "Highlighted role" : "Highlighted path"}:{" "}
          {path.map((code, i) => (
            <span key={code}>
              {i > 0 && " → "}
              <RoleLink code={code} />
            </span>
          ))}{" "}
          <Link to={mapHref([], onlyDocumented)}>Clear</Link>
        </p>
      )}
      <MapLegend />
      <label className="map-filter">
        <input
          type="checkbox"
          checked={onlyDocumented}
          onChange={(event) => void navigate(mapHref(path, event.target.checked), { replace: true })}
        />{" "}
        Only moves the CIGREF document names (a highlighted path stays drawn)
      </label>
      <Await resource={graph} what="the career map">
        {(data) => <CareerMap graph={data} families={catalogue.families} path={path} onlyDocumented={onlyDocumented} />}
      </Await>
      <details className="roles-as-list">
        <summary>The roles as a list</summary>
        {catalogue.families.map((family) => (
          <section key={family.number} aria-label={family.name}>
            <h2>{family.name}</h2>
            <RoleList roles={family.roles} />
          </section>
        ))}
      </details>
    </div>
  );
}

function MapLegend() {
  const catalogue = useCatalogue();
  return (
    <div className="map-legend">
      <ul aria-label="Families">
        {catalogue.families.map((family) => (
          <li key={family.code}>
            <FamilyDot family={family.code} />
            {family.name}
          </li>
        ))}
      </ul>
      <ul aria-label="Links">
        <li>
          <span className="legend-line documented" aria-hidden="true" /> <LinkKindTag kind="documented" /> move
        </li>
        <li>
          <span className="legend-line inferred" aria-hidden="true" /> <LinkKindTag kind="inferred" /> move
        </li>
      </ul>
    </div>
  );
}
