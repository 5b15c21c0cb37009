/** All e-CF competences by area, to browse. */
import { CompetenceLink } from "../components/CompetenceLink";
import { LevelBadge } from "../components/LevelBadge";
import { useCatalogue } from "../context";
import { groupByArea } from "../lib/grouping";
import { useTitle } from "../lib/useTitle";
import { AreaHeading } from "../components/Swatches";

export function CompetencesPage() {
  useTitle("Competences");
  const catalogue = useCatalogue();
  return (
    <div className="index-page">
      <h1>Competences</h1>
      <p className="lead">The {catalogue.competences.length} competences of the e-CF 2.0 in five areas.</p>
      <div className="index-grid">
        {groupByArea(catalogue.competences, (c) => c.code).map(({ area, items }) => (
          <section key={area.code} className="card" aria-labelledby={`area-${area.code}`}>
            <AreaHeading area={area} level="h2" id={`area-${area.code}`} />
            <ul>
              {items.map((c) => (
                <li key={c.code}>
                  <CompetenceLink competence={c} />{" "}
                  <span className="badges">
                    {c.levels.map((level) => (
                      <LevelBadge key={level} competence={c.code} level={level} />
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
