/** A competence: its description, its levels with EQF and descriptor, knowledge, skills, and who needs it. */
import { useParams } from "react-router";
import { api, type CompetenceSheet } from "../api";
import { Await } from "../components/Await";
import { CappedList } from "../components/CappedList";
import { KnowledgeList } from "../components/KnowledgeList";
import { LevelBadge } from "../components/LevelBadge";
import { LevelList } from "../components/LevelList";
import { RoleLink } from "../components/RoleLink";
import { AreaDot } from "../components/Swatches";
import { useCatalogue } from "../context";
import { areaOf } from "../lib/catalogue";
import { useResource } from "../lib/useResource";
import { useTitle } from "../lib/useTitle";
import { competenceHref } from "../lib/urlState";

export function CompetencePage() {
  const { code = "" } = useParams();
  const competence = useResource((signal) => api.competence(code, signal), [code]);
  useTitle(competence.state === "ready" ? competence.data.title : `Competence ${code}`);
  return (
    <Await resource={competence} what={`competence ${code}`} suggestionHref={(s) => competenceHref(s.code)} level={1}>
      {(data) => <CompetenceSheetView competence={data} />}
    </Await>
  );
}

function CompetenceSheetView({ competence }: { competence: CompetenceSheet }) {
  const catalogue = useCatalogue();
  const info = areaOf(catalogue, competence.area);
  return (
    <article className="competence-sheet">
      <header>
        <p className="eyebrow">
          <AreaDot area={competence.area} />
          {info.name} · competence {competence.code}
        </p>
        <h1>{competence.title}</h1>
        <p>{competence.description}</p>
      </header>
      <section aria-labelledby="levels">
        <h2 id="levels">Levels</h2>
        <LevelList levels={competence.levels} />
      </section>
      <KnowledgeList title="Knowledge" items={competence.knowledge} heading="h2" />
      <KnowledgeList title="Skills" items={competence.skills} heading="h2" />
      <section aria-labelledby="roles">
        <h2 id="roles">Roles requiring it</h2>
        {competence.roles.length === 0 ? (
          <p className="empty">No role of {catalogue.dataset.name} requires this competence.</p>
        ) : (
          <CappedList
            items={competence.roles}
            keyOf={(r) => r.code}
            className="requirements"
            noun="role"
            step={30}
            render={(r) => (
              <>
                <RoleLink code={r.code} />{" "}
                <span className="badges">
                  {r.levels.map((level) => (
                    <LevelBadge key={level} competence={competence.code} level={level} />
                  ))}
                </span>
              </>
            )}
          />
        )}
      </section>
    </article>
  );
}
