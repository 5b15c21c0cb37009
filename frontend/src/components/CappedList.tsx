/** A list that shows its first items and a button for more, so a list of thousands stays quick to render and to read. */
import { useState, type ReactNode } from "react";
import { plural } from "../lib/format";

interface Props<T> {
  items: readonly T[];
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  /** How many to show at first, and how many more each press adds. */
  step?: number;
  ordered?: boolean;
  className?: string;
  /** What the items are, for the button ("role" -> "Show 25 more roles"). */
  noun?: string;
}

export function CappedList<T>({
  items,
  keyOf,
  render,
  step = 25,
  ordered = false,
  className,
  noun = "item",
}: Props<T>) {
  const [shown, setShown] = useState(step);
  const List = ordered ? "ol" : "ul";
  const rest = items.length - shown;
  return (
    <>
      <List className={className}>
        {items.slice(0, shown).map((item) => (
          <li key={keyOf(item)}>{render(item)}</li>
        ))}
      </List>
      {rest > 0 && (
        <p className="show-more">
          <button type="button" className="secondary" onClick={() => setShown((n) => n + step)}>
            Show {plural(Math.min(step, rest), `more ${noun}`, `more ${noun}s`)}
          </button>{" "}
          <span className="hint">{plural(rest, noun)} not shown yet</span>
        </p>
      )}
    </>
  );
}
