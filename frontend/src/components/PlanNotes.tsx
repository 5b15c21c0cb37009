/**
 * The person's own notes on a plan: written on the screen, kept in this browser for this
 * plan (its URL), and printed with it. On paper the text field gives way to the text
 * itself (a field prints only what fits its box), or to lines to write on when empty.
 */
import { useEffect, useId, useState } from "react";

const PREFIX = "careergraph.plan-notes:";

function load(key: string): string {
  try {
    return localStorage.getItem(PREFIX + key) ?? "";
  } catch {
    return ""; // storage turned off: the notes last as long as the page
  }
}

function save(key: string, notes: string): void {
  try {
    if (notes) localStorage.setItem(PREFIX + key, notes);
    else localStorage.removeItem(PREFIX + key);
  } catch {
    // storage full or turned off: the notes stay on the page and still print
  }
}

/** `planKey` names the plan (its URL's query), so each plan keeps its own notes. */
export function PlanNotes({ planKey }: { planKey: string }) {
  const [notes, setNotes] = useState(() => load(planKey));
  const id = useId();
  useEffect(() => save(planKey, notes), [planKey, notes]);
  return (
    <section className="plan-notes card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>My notes</h2>
      <label htmlFor={id} className="hint no-print">
        Courses to take, people to ask, dates to keep: kept in this browser and printed with the plan.
      </label>
      <textarea
        id={id}
        className="no-print"
        rows={5}
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
        data-testid="plan-notes"
      />
      <div className={`print-only plan-notes-printed${notes ? "" : " blank"}`} data-testid="plan-notes-printed">
        {notes}
      </div>
    </section>
  );
}
