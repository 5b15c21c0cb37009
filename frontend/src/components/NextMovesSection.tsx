/** Where a role leads: its next moves ranked by coverage, each with links to the gap and the paths,
 * and the single raises that would bring more roles within reach. */
import { Link } from "../lib/links";
import { api, type NextMoves } from "../api";
import { percent, stepsToGo } from "../lib/format";
import { useResource } from "../lib/useResource";
import { gapHref, pathsHref } from "../lib/urlState";
import { Await } from "./Await";
import { LinkKindTag } from "./LinkKindTag";
import { RoleLink } from "./RoleLink";
import { UnlocksPanel } from "./UnlocksPanel";

export function NextMovesSection({ code }: { code: string }) {
  const moves = useResource((signal) => api.nextMoves(code, 10, signal), [code]);
  return (
    <>
      <section aria-labelledby="next-moves">
        <h2 id="next-moves">Next moves</h2>
        <Await resource={moves} what="the next moves">
          {(data) => <NextMovesList from={code} data={data} />}
        </Await>
      </section>
      <UnlocksPanel source={{ kind: "role", code }} />
    </>
  );
}

function NextMovesList({ from, data }: { from: string; data: NextMoves }) {
  if (data.moves.length === 0) return <p className="empty">No role is within reach from here in the data.</p>;
  return (
    <ol className="next-moves-list">
      {data.moves.map((move) => (
        <li key={move.role.code}>
          <RoleLink code={move.role.code} />{" "}
          <span className="hint">
            {percent(move.coverage)} covered, {stepsToGo(move.level_steps).toLowerCase()}
          </span>{" "}
          {move.documented && <LinkKindTag kind="documented" />}{" "}
          <Link to={gapHref({ source: { kind: "role", code: from }, to: move.role.code, basis: "entry" })}>
            Gap<span className="visually-hidden"> to {move.role.title}</span>
          </Link>{" "}
          ·{" "}
          <Link to={pathsHref({ from, to: move.role.code })}>
            Paths<span className="visually-hidden"> to {move.role.title}</span>
          </Link>
        </li>
      ))}
    </ol>
  );
}
