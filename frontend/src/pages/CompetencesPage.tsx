/** All competences of the dataset by area, to browse. */
import { CompetenceLink } from "../components/CompetenceLink";
import { LevelBadge } from "../components/LevelBadge";
import { useCatalogue } from "../context";
import { plural } from "../lib/format";
import { groupByArea } from "../lib/grouping";
import { useTitle } from "../lib/useTitle";
import { AreaHeading } from "../components/Swatches";

export function CompetencesPage() {
  useTitle("Competences");
  const catalogue = useCatalogue();
  return (
    <div className="index-page">
      <h1>Competences</h1>
      <p className="lead">
        The {catalogue.competences.length} competences of {catalogue.dataset.name}, in{" "}
        {plural(catalogue.areas.length, "area")}.
      </p>
      <div className="index-grid">
        {groupByArea(catalogue.competences, (c) => c, catalogue.areas).map(({ area, items }) => (
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
