/** A role sheet: everything the data holds about one role, and where it leads. */
import { useParams } from "react-router";
import { Link } from "../lib/links";
import { api, type RoleSheet } from "../api";
import { Await } from "../components/Await";
import { CompetenceLink } from "../components/CompetenceLink";
import { TextList } from "../components/TextList";
import { LevelBadge } from "../components/LevelBadge";
import { DocumentedMoves } from "../components/DocumentedMoves";
import { NextMovesSection } from "../components/NextMovesSection";
import { RoleLink } from "../components/RoleLink";
import { useCatalogue } from "../context";
import { percent, plural } from "../lib/format";
import { groupByArea } from "../lib/grouping";
import { useResource } from "../lib/useResource";
import { useTitle } from "../lib/useTitle";
import { mapHref, roleHref, startHref } from "../lib/urlState";
import { AreaHeading, FamilyDot } from "../components/Swatches";

export function RolePage() {
  const { code = "" } = useParams();
  const role = useResource((signal) => api.role(code, signal), [code]);
  useTitle(role.state === "ready" ? role.data.title : `Role ${code}`);
  return (
    <Await resource={role} what={`role ${code}`} suggestionHref={(s) => roleHref(s.code)} level={1}>
      {(data) => <RoleSheetView role={data} />}
    </Await>
  );
}

function RoleSheetView({ role }: { role: RoleSheet }) {
  const { areas } = useCatalogue();
  return (
    <article className="role-sheet">
      <header>
        <p className="eyebrow">
          <FamilyDot family={role.family.code} />
          {role.family.name} · role {role.code}
        </p>
        <h1>{role.title}</h1>
        {role.alt_titles.length > 0 && <p className="hint">Also called: {role.alt_titles.join(", ")}</p>}
        <p className="actions">
          <Link className="button" to={startHref({ from: role.code })}>
            I am a {role.title}
          </Link>
          <Link className="button secondary" to={startHref({ to: role.code })}>
            I want to become one
          </Link>
          <Link to={mapHref({ role: role.code })}>Show on the career map</Link>
        </p>
      </header>
      {role.mission && (
        <section aria-labelledby="mission">
          <h2 id="mission">Mission</h2>
          <p>{role.mission}</p>
        </section>
      )}
      {role.activities.length > 0 && (
        <section aria-labelledby="activities">
          <h2 id="activities">Activities</h2>
          {role.activities.map((activity) => (
            <div key={activity.name} className="activity">
              <h3>{activity.name}</h3>
              <TextList items={activity.tasks} />
            </div>
          ))}
        </section>
      )}
      <section aria-labelledby="competences">
        <h2 id="competences">Required competences</h2>
        <p className="hint">Levels as the role sheet states them; hover or tap a level for what it means.</p>
        {groupByArea(role.competences, (r) => r, areas).map(({ area, items }) => (
          <div key={area.code} className="requirement-group">
            <AreaHeading area={area} level="h3" />
            <ul className="requirements">
              {items.map((r) => (
                <li key={r.code}>
                  <CompetenceLink competence={r} />{" "}
                  <span className="badges">
                    {r.levels.map((level) => (
                      <LevelBadge key={level} competence={r.code} level={level} />
                    ))}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <SheetList id="deliverables" title="Deliverables" items={role.deliverables} />
      <SheetList id="kpis" title="Performance indicators" items={role.kpis} />
      {(role.career || role.career_mentions.length > 0) && (
        <section aria-labelledby="career">
          <h2 id="career">Career path</h2>
          {role.career && (
            <dl className="facts">
              <Fact term="Profile" text={role.career.profile} />
              <Fact
                term="Experience"
                text={[
                  role.career.experience,
                  role.career.min_experience_years !== null
                    ? `at least ${plural(role.career.min_experience_years, "year")}`
                    : "",
                ]
                  .filter(Boolean)
                  .join("; ")}
              />
              <Fact term="Note" text={role.career.note ?? ""} />
            </dl>
          )}
          {role.career_mentions.length > 0 && (
            <>
              <h3>Other moves the sheet mentions</h3>
              <TextList items={role.career_mentions} />
            </>
          )}
        </section>
      )}
      <DocumentedMoves role={role} />
      {role.trends && (
        <section aria-labelledby="trends">
          <h2 id="trends">Trends</h2>
          <TextList items={role.trends.split("\n").filter((line) => line.trim())} />
        </section>
      )}
      <NextMovesSection code={role.code} />
      {role.related.length > 0 && (
        <section aria-labelledby="related">
          <h2 id="related">Similar roles</h2>
          <p className="hint">Roles asking for much the same competences.</p>
          <ul className="requirements">
            {role.related.map((r) => (
              <li key={r.role.code}>
                <RoleLink code={r.role.code} /> <span className="hint">{percent(r.similarity)} alike</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

/** A term of the career facts, left out when the sheet says nothing about it. */
function Fact({ term, text }: { term: string; text: string }) {
  if (!text.trim()) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>{text}</dd>
    </>
  );
}

function SheetList({ id, title, items }: { id: string; title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <TextList items={items} />
    </section>
  );
}
