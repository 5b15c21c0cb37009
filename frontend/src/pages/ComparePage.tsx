/**
 * "What about these roles?": two to four targets side by side from one start (a role
 * or a self-assessment): coverage, level steps, what each still needs, what they share.
 * `/compare?from=3.2&to=3.4,2.3,6.2`.
 */
import { useSearchParams } from "react-router";
import { Link, useNavigate } from "../lib/links";
import { api, type Comparison, type GapStatus } from "../api";
import { Await } from "../components/Await";
import { CompetenceLink } from "../components/CompetenceLink";
import { EmptyState } from "../components/EmptyState";
import { GlossaryLink } from "../components/GlossaryLink";
import { RoleLink } from "../components/RoleLink";
import { RolePicker } from "../components/RolePicker";
import { useCatalogue } from "../context";
import { roleTitle } from "../lib/catalogue";
import {
  COMPARE_MOST,
  compareHref,
  fromKey,
  parseCompareQuery,
  sourceKey,
  type CompareQuery,
} from "../lib/employeeUrls";
import { percent, plural, STATUS_TEXT, stepsToGo } from "../lib/format";
import { levelLabel } from "../lib/levels";
import { useResource } from "../lib/useResource";
import { useTitle } from "../lib/useTitle";
import { gapHref } from "../lib/urlState";
import { planHref } from "../lib/employeeUrls";

export function ComparePage() {
  const [params] = useSearchParams();
  const parsed = parseCompareQuery(params);
  if (!parsed.ok) return <EmptyState title="Nothing to compare yet" message={parsed.reason} />;
  return <CompareView query={parsed.value} />;
}

function CompareView({ query }: { query: CompareQuery }) {
  const catalogue = useCatalogue();
  const navigate = useNavigate();
  useTitle(`Compare: ${query.to.map((code) => roleTitle(catalogue, code)).join(", ") || "choose roles"}`);
  const set = (to: string[]) => void navigate(compareHref({ ...query, to }), { replace: true });
  const here = query.source.kind === "role" ? query.source.code : undefined;
  return (
    <div className="compare-page">
      <h1>Compare roles from {here ? <RoleLink code={here} /> : "my self-assessment"}</h1>
      <section className="compare-targets card" aria-labelledby="compare-chosen">
        <h2 id="compare-chosen">
          Roles compared ({query.to.length} of at most {COMPARE_MOST})
        </h2>
        {query.to.length > 0 && (
          <ul className="chips">
            {query.to.map((code) => (
              <li key={code}>
                <RoleLink code={code} />{" "}
                <button type="button" className="link-button" onClick={() => set(query.to.filter((c) => c !== code))}>
                  Remove<span className="visually-hidden"> {roleTitle(catalogue, code)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {query.to.length < COMPARE_MOST && (
          <RolePicker
            key={query.to.join(",")}
            label="Add a role to compare"
            value=""
            exclude={here}
            onChange={(code) => !query.to.includes(code) && set([...query.to, code])}
          />
        )}
      </section>
      {query.to.length < 2 ? (
        <p className="hint">Choose at least two roles to see them side by side.</p>
      ) : (
        <Compared query={query} />
      )}
    </div>
  );
}

function Compared({ query }: { query: CompareQuery }) {
  const key = sourceKey(query.source);
  const targets = query.to.join(",");
  const comparison = useResource((signal) => api.compare(fromKey(key), targets.split(","), signal), [key, targets]);
  return (
    <Await resource={comparison} what="the comparison">
      {(data) => <ComparisonView data={data} query={query} />}
    </Await>
  );
}

function ComparisonView({ data, query }: { data: Comparison; query: CompareQuery }) {
  const { scale } = useCatalogue();
  const shared = data.competences.filter((row) => row.open_for >= 2);
  return (
    <>
      <section aria-labelledby="compare-summary">
        <h2 id="compare-summary">Side by side</h2>
        <ul className="compare-cards">
          {data.targets.map((target) => (
            <li
              key={target.role.code}
              className="card compare-card"
              data-testid="compare-card"
              data-role={target.role.code}
            >
              <h3>
                <RoleLink code={target.role.code} />
              </h3>
              <p className="headline">
                {stepsToGo(target.summary.level_steps)}, {percent(target.summary.coverage)} covered
              </p>
              <p className="hint">
                {target.summary.missing} missing, {target.summary.raise} to raise, {target.summary.met} met
                {target.within_reach && (
                  <>
                    ; <GlossaryLink term="within-reach">within reach</GlossaryLink>
                  </>
                )}
                {target.documented ? "; a documented move" : ""}
              </p>
              <p className="actions">
                <Link to={gapHref({ source: query.source, to: target.role.code, basis: "entry" })}>
                  Gap<span className="visually-hidden"> to {target.role.title}</span>
                </Link>
                <Link to={planHref({ source: query.source, to: target.role.code, path: [] })}>
                  Plan<span className="visually-hidden"> to {target.role.title}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
        <p data-testid="compare-shared">
          {data.shared_level_steps > 0
            ? `${plural(data.shared_level_steps, "level step")} count towards every one of them.`
            : "No level step counts towards all of them at once."}{" "}
          {shared.length > 0 &&
            `${plural(shared.length, "competence")} to raise serve${shared.length === 1 ? "s" : ""} two or more.`}
        </p>
      </section>
      <section aria-labelledby="compare-matrix">
        <h2 id="compare-matrix">Competence by competence</h2>
        <p className="hint" data-testid="compare-legend">
          {(["missing", "raise", "met"] as const).map((status) => (
            <span key={status}>
              {STATUS_TEXT[status].icon} {STATUS_TEXT[status].label.toLowerCase()} ({STATUS_TEXT[status].explain}
              ),{" "}
            </span>
          ))}
          as on the gap screen: <GlossaryLink term="symbols">the signs</GlossaryLink>.
        </p>
        <div className="table-scroll" role="region" aria-label="The competence table (scrolls sideways)" tabIndex={0}>
          <table className="compare-table">
            <caption className="visually-hidden">
              Level held and level each role asks for; the roles still needing more come first
            </caption>
            <thead>
              <tr>
                <th scope="col">Competence</th>
                <th scope="col">{query.source.kind === "role" ? "Held" : "My level"}</th>
                {data.targets.map((t) => (
                  <th scope="col" key={t.role.code}>
                    {t.role.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.competences.map((row) => (
                <tr key={row.competence.code} data-competence={row.competence.code}>
                  <th scope="row">
                    <CompetenceLink competence={row.competence} />
                  </th>
                  <td>{levelLabel(scale, row.have)}</td>
                  {row.needs.map((need, i) => (
                    <td key={data.targets[i]?.role.code ?? i} className={need > row.have ? "needs-more" : ""}>
                      {need === 0 ? (
                        <span className="hint">not asked</span>
                      ) : (
                        <NeedCell status={needStatus(row.have, need)} label={levelLabel(scale, need)} />
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

/** The gap's own status for one cell: missing (none held), to raise (held lower), met. */
function needStatus(have: number, need: number): GapStatus {
  return have === 0 ? "missing" : have < need ? "raise" : "met";
}

function NeedCell({ status, label }: { status: GapStatus; label: string }) {
  const { icon, label: word } = STATUS_TEXT[status];
  return (
    <span data-status={status}>
      <span aria-hidden="true">{icon} </span>
      {label}
      <span className="visually-hidden"> ({word.toLowerCase()})</span>
    </span>
  );
}
