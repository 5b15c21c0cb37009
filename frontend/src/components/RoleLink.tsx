/** A role named by its title, with its code (when short: lib/codes) and family colour beside it. */
import { codeWorthShowing } from "../lib/codes";
import { Link } from "../lib/links";
import { useCatalogue } from "../context";
import { roleHref } from "../lib/urlState";
import { FamilyDot } from "./Swatches";

export function RoleLink({ code }: { code: string }) {
  const catalogue = useCatalogue();
  const role = catalogue.roleByCode.get(code);
  return (
    <Link to={roleHref(code)} className="role-link">
      {role && <FamilyDot family={role.family.code} />}
      {role?.title ?? code}
      {codeWorthShowing(code) && (
        <>
          {" "}
          <span className="code">{code}</span>
        </>
      )}
    </Link>
  );
}
