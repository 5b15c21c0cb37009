/**
 * Bench strength before and after a what-if: per role, two bars on one scale (ready now
 * solid, ready soon hatched) and the numbers before → after in words.
 */
import type { BenchChange, WhatIf } from "./api";
import { barWidth, benchSize, drawn, figure } from "./format";

export function WhatIfChart({ answer, everyRole }: { answer: WhatIf; everyRole: boolean }) {
  const changed = answer.roles.filter((c) => !same(c));
  const shown = everyRole ? answer.roles : changed;
  const max = Math.max(1, ...shown.flatMap((c) => [benchSize(c.before), benchSize(c.after)]));
  return (
    <section aria-labelledby="whatif-result">
      <h2 id="whatif-result">Before and after</h2>
      <p data-testid="whatif-summary">
        In all: <strong>{signed(answer.ready_now_added)}</strong> ready now,{" "}
        <strong>{signed(answer.ready_soon_added)}</strong> ready soon; {changed.length} of {answer.roles.length} roles
        change.
      </p>
      <ul className="hr-raised">
        {answer.raises.map((r, i) => (
          <li key={i}>
            {r.competence.title} ({r.competence.code}) to {r.label} for {r.target}: {r.people} people,{" "}
            {figure(r.raised)} of them below it
          </li>
        ))}
      </ul>
      {shown.length === 0 ? (
        <p>No role&apos;s bench changes.</p>
      ) : (
        <ol className="whatif-rows">
          {shown.map((change) => (
            <WhatIfRow key={change.role.code} change={change} max={max} />
          ))}
        </ol>
      )}
    </section>
  );
}

function WhatIfRow({ change, max }: { change: BenchChange; max: number }) {
  const { before, after } = change;
  return (
    <li className="whatif-row" data-role={change.role.code}>
      <p className="bench-label">
        {change.role.title} <span className="code">{change.role.code}</span>
      </p>
      {(
        [
          ["before", before],
          ["after", after],
        ] as const
      ).map(([when, counts]) => (
        <div key={when} className="whatif-bar">
          <span className="whatif-when">{when}</span>
          <div
            className="bench-track"
            role="img"
            aria-label={`${when}: ${figure(counts.ready_now)} ready now, ${figure(counts.ready_soon)} ready soon`}
          >
            <span className="bench-now" style={{ width: `${barWidth(drawn(counts.ready_now), max)}%` }} />
            <span
              className="bench-soon"
              style={{
                left: `${barWidth(drawn(counts.ready_now), max)}%`,
                width: `${barWidth(drawn(counts.ready_soon), max)}%`,
              }}
            />
          </div>
        </div>
      ))}
      <p className="bench-figures">
        ready now {figure(before.ready_now)} → <strong>{figure(after.ready_now)}</strong> · ready soon{" "}
        {figure(before.ready_soon)} → <strong>{figure(after.ready_soon)}</strong> · {figure(change.holders)} hold it
      </p>
    </li>
  );
}

function same(change: BenchChange): boolean {
  return change.before.ready_now === change.after.ready_now && change.before.ready_soon === change.after.ready_soon;
}

function signed(n: number | null): string {
  return n === null ? "withheld" : n > 0 ? `+${n}` : String(n);
}
