/**
 * "Which one thing should I learn first?": the single raises (competence -> level)
 * that bring the most roles within reach, and, with a target, the raise that closes
 * most of its gap per level step.
 */
import { Link } from "../lib/links";
import { api, type Raise, type Toward, type UnlocksAnswer } from "../api";
import { fromKey, sourceKey, unlocksHref } from "../lib/employeeUrls";
import { percent, plural } from "../lib/format";
import { useCatalogue } from "../context";
import { roleTitle } from "../lib/catalogue";
import { levelLabel } from "../lib/levels";
import { useResource } from "../lib/useResource";
import type { GapSource } from "../lib/urlState";
import { Await } from "./Await";
import { CompetenceLink } from "./CompetenceLink";
import { GlossaryLink } from "./GlossaryLink";
import { RoleLink } from "./RoleLink";

interface Props {
  source: GapSource;
  /** A target whose gap the raises should close. */
  to?: string;
  /** How many raises to list. */
  limit?: number;
  /** Heading level of the panel's title. */
  level?: "h1" | "h2";
}

export function UnlocksPanel({ source, to = "", limit = 3, level = "h2" }: Props) {
  const key = sourceKey(source);
  const unlocks = useResource((signal) => api.unlocks(fromKey(key), to || undefined, limit, signal), [key, to, limit]);
  const Heading = level;
  const who = useSourceName(source);
  return (
    <section className="unlocks card" aria-labelledby="unlocks-title" data-testid="unlocks">
      <Heading id="unlocks-title">What one step unlocks from {who}</Heading>
      <Await resource={unlocks} what="what unlocks what">
        {(data) => (
          <UnlocksView
            data={data}
            source={source}
            who={who}
            to={to}
            limit={limit}
            subheading={level === "h1" ? "h2" : "h3"}
          />
        )}
      </Await>
    </section>
  );
}

/** Whose raises these are, in words: the role's title, or "my self-assessment". */
function useSourceName(source: GapSource): string {
  const catalogue = useCatalogue();
  return source.kind === "role" ? roleTitle(catalogue, source.code) : "my self-assessment";
}

function UnlocksView({
  data,
  source,
  who,
  to,
  limit,
  subheading,
}: {
  data: UnlocksAnswer;
  source: GapSource;
  who: string;
  to: string;
  limit: number;
  subheading: "h2" | "h3";
}) {
  const useful = data.raises.filter((r) => r.unlocks.length > 0);
  const raisesFrom = `${data.total === 1 ? "raise brings" : "raises bring"} a role within reach from ${who}`;
  return (
    <>
      <p className="hint">
        {plural(data.within_reach, "role")} already <GlossaryLink term="within-reach">within reach</GlossaryLink> (at
        least {percent(data.threshold)} of their entry levels held). One raise of one competence can bring more:
      </p>
      {useful.length === 0 ? (
        <p className="empty">
          No single raise brings one of the best next moves from here within reach; more than one step is needed.
        </p>
      ) : (
        <ol className="raise-list" data-testid="raise-list">
          {useful.map((raised) => (
            <li key={`${raised.competence.code}@${raised.to}`} data-raise={`${raised.competence.code}:${raised.to}`}>
              <RaiseLine raised={raised} />
              <p className="unlocked">
                Brings within reach:{" "}
                {raised.unlocks.map((u, i) => (
                  <span key={u.role.code}>
                    {i > 0 && ", "}
                    <RoleLink code={u.role.code} />{" "}
                    <span className="hint">
                      ({percent(u.coverage_before)} → {percent(u.coverage_after)})
                    </span>
                  </span>
                ))}
              </p>
            </li>
          ))}
        </ol>
      )}
      {data.toward && <TowardTarget toward={data.toward} heading={subheading} />}
      {data.total > 0 && (
        <p className="hint" data-testid="unlocks-count">
          {data.total} single {raisesFrom}
          {useful.length < data.total ? `; the first ${useful.length} are listed.` : "; all are listed."}
        </p>
      )}
      {data.total > limit && (
        <p>
          <Link to={unlocksHref({ source, to })}>
            See all {data.total}, ranked<span className="visually-hidden"> (from {who})</span>
          </Link>
        </p>
      )}
    </>
  );
}

function RaiseLine({ raised }: { raised: Raise }) {
  const { scale } = useCatalogue();
  return (
    <p className="raise-line">
      Raise <CompetenceLink competence={raised.competence} /> from <strong>{levelLabel(scale, raised.from)}</strong> to{" "}
      <strong>{levelLabel(scale, raised.to)}</strong>{" "}
      <span className="hint">({plural(raised.level_steps, "level step")})</span>
    </p>
  );
}

function TowardTarget({ toward, heading: Heading }: { toward: Toward; heading: "h2" | "h3" }) {
  const best = toward.raises[0];
  return (
    <div className="toward" data-testid="toward">
      <Heading>
        Towards <RoleLink code={toward.role.code} />
      </Heading>
      {best ? (
        <>
          <RaiseLine raised={best} />
          <p className="hint">
            Closes {best.closes} of the {plural(toward.level_steps, "level step")} to go
            {best.closes_per_step === 1 ? ", one for each level raised" : ` with ${best.level_steps} levels raised`}:
            coverage {percent(toward.coverage)} → {percent(best.coverage_after)}.
          </p>
        </>
      ) : (
        <p className="empty">Nothing left to learn for this role.</p>
      )}
    </div>
  );
}
