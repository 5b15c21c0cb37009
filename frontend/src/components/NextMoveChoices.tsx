/** The best next moves as choices for a target, each with how related, how much covered and how far;
 * those within reach (the dataset's one threshold, from the API) say so. Next moves rank by relatedness,
 * so the list is "next moves", never "within reach": some of them are further away. */
import type { ReactNode } from "react";
import type { NextMoves } from "../api";
import { useCatalogue } from "../context";
import { GlossaryLink } from "./GlossaryLink";
import { percent, stepsToGo } from "../lib/format";
import type { Resource } from "../lib/useResource";
import { Await } from "./Await";

interface Props {
  heading: string;
  moves: Resource<NextMoves>;
  chosen: string;
  onPick: (code: string) => void;
  children?: ReactNode;
}

export function NextMoveChoices({ heading, moves, chosen, onPick, children }: Props) {
  const { dataset } = useCatalogue();
  return (
    <div className="next-moves">
      <h3>{heading}</h3>
      <p className="hint">
        The most <GlossaryLink term="relatedness">related</GlossaryLink> roles first; “
        <GlossaryLink term="within-reach">within reach</GlossaryLink>” marks those of which{" "}
        {percent(dataset.within_reach)} or more of the entry levels are already held.
      </p>
      <Await resource={moves} what="the nearest roles">
        {(data) =>
          data.moves.length === 0 ? (
            <p className="empty">No close role found; search or browse above.</p>
          ) : (
            <ul>
              {data.moves.map((move) => (
                <li key={move.role.code}>
                  <button
                    type="button"
                    className="role-option"
                    aria-pressed={move.role.code === chosen}
                    onClick={() => onPick(move.role.code)}
                  >
                    {move.role.title} <span className="code">{move.role.code}</span>
                    {move.role.code === chosen && (
                      <span className="chosen-mark" aria-hidden="true">
                        ✓ chosen
                      </span>
                    )}
                    <span className="hint">
                      {percent(move.relatedness)} related, {percent(move.coverage)} covered,{" "}
                      {stepsToGo(move.level_steps).toLowerCase()}
                      {move.documented ? ", a documented move" : ""}
                      {move.coverage >= dataset.within_reach && (
                        <span data-testid="within-reach-mark">, within reach</span>
                      )}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Await>
      {children}
    </div>
  );
}
