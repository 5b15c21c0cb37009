/**
 * "How do I get there": the k best chains of roles from a role (or a self-assessment)
 * to another, with options for the number of moves, documented links only, and roles
 * to avoid.
 */
import { useSearchParams } from "react-router";
import { Link, useNavigate } from "../lib/links";
import { api, isProblem, type HolderPathsAnswer, type PathsAnswer } from "../api";
import { Await } from "../components/Await";
import { EmptyState } from "../components/EmptyState";
import { DirectMove } from "../components/DirectMove";
import { GlossaryLink } from "../components/GlossaryLink";
import { PathCard } from "../components/PathCard";
import { RoleLink } from "../components/RoleLink";
import { SearchSelect } from "../components/SearchSelect";
import { useCatalogue } from "../context";
import { isRole, roleTitle } from "../lib/catalogue";
import { fromKey, sourceKey } from "../lib/employeeUrls";
import { plural } from "../lib/format";
import { useResource } from "../lib/useResource";
import { useTitle } from "../lib/useTitle";
import {
  gapHref,
  MAX_STEPS_CHOICES,
  parsePathsQuery,
  parseStartQuery,
  pathsHref,
  startHref,
  unknownEnd,
  type GapSource,
  type PathsQuery,
} from "../lib/urlState";

export function PathsPage() {
  const [params] = useSearchParams();
  const parsed = parsePathsQuery(params);
  if (!parsed.ok) {
    return (
      <EmptyState title="No route to show yet" message={parsed.reason} start={startHref(parseStartQuery(params))} />
    );
  }
  return <PathsView query={parsed.value} />;
}

function PathsView({ query }: { query: PathsQuery }) {
  const catalogue = useCatalogue();
  const navigate = useNavigate();
  const source: GapSource =
    query.profile && !query.from ? { kind: "profile", profile: query.profile } : { kind: "role", code: query.from };
  const fromTitle = source.kind === "role" ? roleTitle(catalogue, query.from) : "My self-assessment";
  useTitle(`Paths: ${fromTitle} → ${roleTitle(catalogue, query.to)}`);
  const { to, maxSteps, onlyDocumented } = query;
  const key = sourceKey(source);
  const avoid = query.avoid.join(",");
  const paths = useResource<PathsAnswer | HolderPathsAnswer>(
    (signal) => {
      const options = { maxSteps, onlyDocumented, avoid: avoid ? avoid.split(",") : [] };
      const from = fromKey(key);
      return "role" in from ? api.paths(from.role, to, options, signal) : api.pathsFrom(from, to, options, signal);
    },
    [key, to, maxSteps, onlyDocumented, avoid],
  );
  const update = (change: Partial<PathsQuery>) => void navigate(pathsHref({ ...query, ...change }), { replace: true });
  const known = (code: string) => isRole(catalogue, code);

  return (
    <div className="paths-page">
      <h1>
        From {source.kind === "role" ? <RoleLink code={query.from} /> : "my self-assessment"} to{" "}
        <RoleLink code={query.to} />
      </h1>
      <form className="options" onSubmit={(event) => event.preventDefault()} aria-label="Path options">
        <label>
          At most{" "}
          <select
            value={query.maxSteps ?? ""}
            onChange={(event) =>
              update({ maxSteps: event.target.value === "" ? undefined : Number(event.target.value) })
            }
          >
            <option value="">the shortest + 2 moves</option>
            {MAX_STEPS_CHOICES.map((n) => (
              <option key={n} value={n}>
                {plural(n, "move")}
              </option>
            ))}
          </select>
        </label>
        {(catalogue.dataset.counts.links_documented > 0 || query.onlyDocumented) && (
          <label>
            <input
              type="checkbox"
              checked={query.onlyDocumented}
              onChange={(event) => update({ onlyDocumented: event.target.checked })}
            />{" "}
            Only moves the source document names
          </label>
        )}
        <AvoidRoles query={query} onChange={(avoid) => update({ avoid })} />
      </form>
      {paths.state === "error" && isProblem(paths.error, "no-path") ? (
        <NoPath query={query} detail={paths.error.problem.detail} onRelax={update} />
      ) : (
        <Await
          resource={paths}
          what="the paths"
          suggestionHref={(s) =>
            pathsHref({ ...query, [unknownEnd(source.kind === "role" ? query.from : null, known)]: s.code })
          }
        >
          {(data) => <PathList data={data} query={query} source={source} onRelax={update} />}
        </Await>
      )}
    </div>
  );
}

interface ListProps {
  query: PathsQuery;
  onRelax: (change: Partial<PathsQuery>) => void;
}

function PathList({
  data,
  query,
  source,
  onRelax,
}: ListProps & { data: PathsAnswer | HolderPathsAnswer; source: GapSource }) {
  if (data.paths.length === 0) return <NoPath query={query} onRelax={onRelax} />;
  return (
    <section aria-labelledby="paths-found">
      <h2 id="paths-found">{plural(data.paths.length, "path")}, best first</h2>
      <p className="hint">
        Within {plural(data.max_steps, "move")}
        {data.max_steps_source === "default" && ` (the shortest takes ${plural(data.fewest_moves, "move")})`}. A move’s
        cost counts only what is new: what earlier roles taught is kept.{" "}
        <GlossaryLink term="paths">How paths are chosen</GlossaryLink>.
      </p>
      <DirectMove direct={data.direct} />
      {data.paths.map((path, i) => (
        <PathCard key={path.roles.join(">")} path={path} rank={i + 1} source={source} />
      ))}
    </section>
  );
}

/** No path under the options chosen: say so, and offer to relax them. */
function NoPath({ query, detail, onRelax }: ListProps & { detail?: string }) {
  return (
    <section className="empty-result" aria-labelledby="no-path">
      <h2 id="no-path">
        {query.maxSteps === undefined ? "No path" : `No path within ${plural(query.maxSteps, "move")}`}
      </h2>
      {detail && <p>{detail}</p>}
      <p>Try one of these:</p>
      <p className="actions">
        {query.onlyDocumented && (
          <button type="button" onClick={() => onRelax({ onlyDocumented: false })}>
            Include inferred moves
          </button>
        )}
        {query.maxSteps !== undefined && query.maxSteps < Math.max(...MAX_STEPS_CHOICES) && (
          <button type="button" onClick={() => onRelax({ maxSteps: undefined })}>
            Allow as many moves as the shortest path needs
          </button>
        )}
        {query.avoid.length > 0 && (
          <button type="button" onClick={() => onRelax({ avoid: [] })}>
            Allow every role again
          </button>
        )}
        <Link
          to={gapHref({
            source:
              query.profile && !query.from
                ? { kind: "profile", profile: query.profile }
                : { kind: "role", code: query.from },
            to: query.to,
            basis: "entry",
          })}
        >
          See the direct gap
        </Link>
      </p>
    </section>
  );
}

/** Roles the paths must not enter: searched for by title, each removable again. */
function AvoidRoles({ query, onChange }: { query: PathsQuery; onChange: (avoid: string[]) => void }) {
  const catalogue = useCatalogue();
  const open = catalogue.roles.filter((r) => ![query.from, query.to, ...query.avoid].includes(r.code));
  return (
    <div className="avoid-list">
      <SearchSelect
        label="Avoid a role"
        noun="role"
        placeholder="Type a title to leave out"
        options={open.map((role) => ({ value: role.code, label: `${role.title} (${role.code})` }))}
        onChange={(code) => onChange([...query.avoid, code])}
      />
      {query.avoid.length > 0 && (
        <ul className="chips" aria-label="Roles avoided">
          {query.avoid.map((code) => (
            <li key={code}>
              {roleTitle(catalogue, code)} <span className="code">{code}</span>{" "}
              <button
                type="button"
                className="link-button"
                onClick={() => onChange(query.avoid.filter((c) => c !== code))}
              >
                Allow again<span className="visually-hidden"> {roleTitle(catalogue, code)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
