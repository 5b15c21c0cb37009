/** All roles by family, to browse. */
import { RoleLink } from "../components/RoleLink";
import { useCatalogue } from "../context";
import { familyColour } from "../lib/palette";
import { useTitle } from "../lib/useTitle";

export function RolesPage() {
  useTitle("Roles");
  const catalogue = useCatalogue();
  return (
    <div className="index-page">
      <h1>Roles</h1>
      <p className="lead">
        The {catalogue.roles.length} roles of the CIGREF nomenclature in {catalogue.families.length} families.
      </p>
      <div className="index-grid">
        {catalogue.families.map((family) => (
          <section key={family.number} className="card" aria-labelledby={`family-${family.number}`}>
            <h2 id={`family-${family.number}`}>
              <span className="family-dot" style={{ background: familyColour(family.number) }} aria-hidden="true" />
              {family.name}
            </h2>
            <p className="hint">{family.description}</p>
            <ul>
              {family.roles.map((r) => (
                <li key={r.code}>
                  <RoleLink code={r.code} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
