/** All roles by family, to browse; a large family shows its first roles and a button for more. */
import { CappedList } from "../components/CappedList";
import { RoleLink } from "../components/RoleLink";
import { FamilyDot } from "../components/Swatches";
import { useCatalogue } from "../context";
import { rolesSentence } from "../lib/datasets";
import { Link } from "../lib/links";
import { useTitle } from "../lib/useTitle";
import { mapHref } from "../lib/urlState";

export function RolesPage() {
  useTitle("Roles");
  const catalogue = useCatalogue();
  return (
    <div className="index-page">
      <h1>Roles</h1>
      <p className="lead">{rolesSentence(catalogue.dataset)}</p>
      <div className="index-grid">
        {catalogue.families.map((family) => (
          <section key={family.code} className="card" aria-labelledby={`family-${family.code}`}>
            <h2 id={`family-${family.code}`}>
              <FamilyDot family={family.code} />
              {family.name}
            </h2>
            {family.description && <p className="hint">{family.description}</p>}
            <CappedList
              items={family.roles}
              keyOf={(role) => role.code}
              noun="role"
              step={12}
              render={(role) => <RoleLink code={role.code} />}
            />
            <p className="hint">
              <Link to={mapHref({ families: [family.code] })}>
                On the map<span className="visually-hidden">: {family.name}</span>
              </Link>
            </p>
          </section>
        ))}
      </div>
    </div>
  );
}
