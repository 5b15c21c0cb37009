/** A competence named by its title, with its code and its area's colour beside it. */
import { Link } from "../lib/links";
import type { CompetenceRef } from "../api";
import { competenceHref } from "../lib/urlState";
import { AreaDot } from "./Swatches";

export function CompetenceLink({ competence }: { competence: CompetenceRef }) {
  return (
    <Link to={competenceHref(competence.code)} className="competence-link">
      <AreaDot area={competence.area} />
      {competence.title} <span className="code">{competence.code}</span>
    </Link>
  );
}
