/**
 * "How do I get there": the k best chains of roles from one role to another,
 * with options for the number of moves and documented links only.
 */
import { useSearchParams } from "react-router";
import { Link, useNavigate } from "../lib/links";
import { api, isProblem, type PathsAnswer } from "../api";
import { Await } from "../components/Await";
import { EmptyState } from "../components/EmptyState";
import { PathCard } from "../components/PathCard";
import { RoleLink } from "../components/RoleLink";
import { useCatalogue } from "../context";
import { isRole, roleTitle } from "../lib/catalogue";
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
  useTitle(`Paths: ${roleTitle(catalogue, query.from)} → ${roleTitle(catalogue, query.to)}`);
  const { from, to, maxSteps, onlyDocumented } = query;
  const paths = useResource(
    (signal) => api.paths(from, to, { maxSteps, onlyDocumented }, signal),
    [from, to, maxSteps, onlyDocumented],
  );
  const update = (change: Partial<PathsQuery>) => void navigate(pathsHref({ ...query, ...change }), { replace: true });
  const known = (code: string) => isRole(catalogue, code);

  return (
    <div className="paths-page">
      <h1>
        From <RoleLink code={query.from} /> to <RoleLink code={query.to} />
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
      </form>
      {paths.state === "error" && isProblem(paths.error, "no-path") ? (
        <NoPath query={query} detail={paths.error.problem.detail} onRelax={update} />
      ) : (
        <Await
          resource={paths}
          what="the paths"
          suggestionHref={(s) => pathsHref({ ...query, [unknownEnd(query.from, known)]: s.code })}
        >
          {(data) => <PathList data={data} query={query} onRelax={update} />}
        </Await>
      )}
    </div>
  );
}

interface ListProps {
  query: PathsQuery;
  onRelax: (change: Partial<PathsQuery>) => void;
}

function PathList({ data, query, onRelax }: ListProps & { data: PathsAnswer }) {
  if (data.paths.length === 0) return <NoPath query={query} onRelax={onRelax} />;
  return (
    <section aria-labelledby="paths-found">
      <h2 id="paths-found">{plural(data.paths.length, "path")}, best first</h2>
      <p className="hint">
        Within {plural(data.max_steps, "move")}
        {data.max_steps_source === "default" && ` (the shortest takes ${plural(data.fewest_moves, "move")})`}. A move’s
        cost counts only what is new: what earlier roles taught is kept.
      </p>
      {data.paths.map((path, i) => (
        <PathCard key={path.roles.join(">")} path={path} rank={i + 1} />
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
        <Link to={gapHref({ source: { kind: "role", code: query.from }, to: query.to, basis: "entry" })}>
          See the direct gap
        </Link>
      </p>
    </section>
  );
}
