/** A competence named by its title, with its code and e-CF area colour beside it. */
import { Link } from "react-router";
import type { CompetenceRef } from "../api";
import { competenceHref } from "../lib/urlState";
import { AreaDot } from "./Swatches";

export function CompetenceLink({ competence }: { competence: CompetenceRef }) {
  return (
    <Link to={competenceHref(competence.code)} className="competence-link">
      <AreaDot competence={competence.code} />
      {competence.title} <span className="code">{competence.code}</span>
    </Link>
  );
}
