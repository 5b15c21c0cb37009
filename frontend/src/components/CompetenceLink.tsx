/** A competence named by its title, with its code (when short: lib/codes) and its area's colour beside it. */
import { codeWorthShowing } from "../lib/codes";
import { Link } from "../lib/links";
import type { CompetenceRef } from "../api";
import { competenceHref } from "../lib/urlState";
import { AreaDot } from "./Swatches";

export function CompetenceLink({ competence }: { competence: CompetenceRef }) {
  return (
    <Link to={competenceHref(competence.code)} className="competence-link">
      <AreaDot area={competence.area} />
      {competence.title}
      {codeWorthShowing(competence.code) && (
        <>
          {" "}
          <span className="code">{competence.code}</span>
        </>
      )}
    </Link>
  );
}
