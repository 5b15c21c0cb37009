/** All roles by family, to browse. */
import { RoleList } from "../components/RoleList";
import { useCatalogue } from "../context";
import { useTitle } from "../lib/useTitle";
import { FamilyDot } from "../components/Swatches";

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
          <section key={family.code} className="card" aria-labelledby={`family-${family.code}`}>
            <h2 id={`family-${family.code}`}>
              <FamilyDot family={family.code} />
              {family.name}
            </h2>
            <p className="hint">{family.description}</p>
            <RoleList roles={family.roles} />
          </section>
        ))}
      </div>
    </div>
  );
}
