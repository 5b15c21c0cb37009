/** Where a role leads: its next moves, most related first within the directions chosen (no step-downs
 * by default), each saying why, with links to the gap and the paths; and the single raises that would
 * bring more of them within reach. */
import { useState } from "react";
import { Link } from "../lib/links";
import { api, type MoveChoice, type NextMoves } from "../api";
import { percent, stepsToGo } from "../lib/format";
import { useResource } from "../lib/useResource";
import { gapHref, pathsHref } from "../lib/urlState";
import { Await } from "./Await";
import { GlossaryLink } from "./GlossaryLink";
import { LinkKindTag } from "./LinkKindTag";
import { RoleLink } from "./RoleLink";
import { UnlocksPanel } from "./UnlocksPanel";

type Direction = NonNullable<MoveChoice["direction"]>;
type Documented = NonNullable<MoveChoice["documented"]>;

const DIRECTIONS: { value: Direction; label: string }[] = [
  { value: "not-down", label: "No step-downs" },
  { value: "up", label: "Steps up" },
  { value: "lateral", label: "Lateral moves" },
  { value: "down", label: "Steps down" },
  { value: "any", label: "Any direction" },
];
const DOCUMENTED: { value: Documented; label: string }[] = [
  { value: "include", label: "Stated moves first" },
  { value: "exclude", label: "Computed only" },
  { value: "only", label: "Stated moves only" },
];
const DIRECTION_WORD = { up: "step up", lateral: "lateral", down: "step down" } as const;

export function NextMovesSection({ code }: { code: string }) {
  const [direction, setDirection] = useState<Direction>("not-down");
  const [documented, setDocumented] = useState<Documented>("include");
  const moves = useResource(
    (signal) => api.nextMoves(code, 10, signal, { direction, documented }),
    [code, direction, documented],
  );
  return (
    <>
      <section aria-labelledby="next-moves">
        <h2 id="next-moves">Next moves</h2>
        <p className="hint">
          Most related roles first: how alike the two roles’ requirements and titles are (
          <GlossaryLink term="relatedness">relatedness</GlossaryLink>), how far the gap is, and whether the move goes
          up, across or down (<GlossaryLink term="direction">direction</GlossaryLink>).
        </p>
        <div className="move-filters">
          <Choice label="Direction" value={direction} options={DIRECTIONS} onChange={setDirection} />
          <Choice label="Moves the source states" value={documented} options={DOCUMENTED} onChange={setDocumented} />
        </div>
        <Await resource={moves} what="the next moves">
          {(data) => <NextMovesList from={code} data={data} />}
        </Await>
      </section>
      <UnlocksPanel source={{ kind: "role", code }} />
    </>
  );
}

function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <label>
      {props.label}{" "}
      <select value={props.value} onChange={(event) => props.onChange(event.target.value as T)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function NextMovesList({ from, data }: { from: string; data: NextMoves }) {
  if (data.moves.length === 0) return <p className="empty">No role fits these choices from here in the data.</p>;
  return (
    <ol className="next-moves-list">
      {data.moves.map((move) => (
        <li key={move.role.code}>
          <RoleLink code={move.role.code} />{" "}
          <span className="hint">
            {percent(move.relatedness)} related, {DIRECTION_WORD[move.direction]}, {percent(move.coverage)} covered,{" "}
            {stepsToGo(move.level_steps).toLowerCase()}
          </span>{" "}
          {move.documented && <LinkKindTag kind="documented" />}{" "}
          <Link to={gapHref({ source: { kind: "role", code: from }, to: move.role.code, basis: "entry" })}>
            Gap<span className="visually-hidden"> to {move.role.title}</span>
          </Link>{" "}
          ·{" "}
          <Link to={pathsHref({ from, to: move.role.code })}>
            Paths<span className="visually-hidden"> to {move.role.title}</span>
          </Link>
          <p className="hint move-why">Why: {move.why}.</p>
        </li>
      ))}
    </ol>
  );
}
