/** A role named by its title, with its code and family colour beside it. */
import { Link } from "react-router";
import { useCatalogue } from "../context";
import { roleHref } from "../lib/urlState";
import { familyColour } from "../lib/palette";

export function RoleLink({ code }: { code: string }) {
  const catalogue = useCatalogue();
  const role = catalogue.roles.find((r) => r.code === code);
  return (
    <Link to={roleHref(code)} className="role-link">
      {role && (
        <span className="family-dot" style={{ background: familyColour(role.family.number) }} aria-hidden="true" />
      )}
      {role?.title ?? code} <span className="code">{code}</span>
    </Link>
  );
}
