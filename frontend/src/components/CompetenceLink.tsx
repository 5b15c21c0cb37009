/** A competence named by its title, with its code and e-CF area colour beside it. */
import { Link } from "react-router";
import type { CompetenceRef } from "../api";
import { area } from "../lib/palette";
import { competenceHref } from "../lib/urlState";

export function CompetenceLink({ competence }: { competence: CompetenceRef }) {
  return (
    <Link to={competenceHref(competence.code)} className="competence-link">
      <span className="area-dot" style={{ background: area(competence.code).colour }} aria-hidden="true" />
      {competence.title} <span className="code">{competence.code}</span>
    </Link>
  );
}
