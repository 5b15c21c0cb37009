/** The gap in one sentence and three counts: "7 level steps to go, 62% covered". */
import type { GapSummary } from "../api";
import { gapHeadline, percent, STATUS_TEXT } from "../lib/format";

export function GapSummaryPanel({ summary }: { summary: GapSummary }) {
  return (
    <section className="gap-summary" aria-labelledby="gap-headline">
      <p id="gap-headline" className="headline" data-testid="gap-headline">
        {gapHeadline(summary)}
      </p>
      <div
        className="coverage-meter"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(summary.coverage * 100)}
        aria-label="Coverage of the required levels"
      >
        <span style={{ width: percent(summary.coverage) }} />
      </div>
      <p className="hint">
        {summary.required_steps - summary.level_steps} of the {summary.required_steps} required level steps are already
        held.
      </p>
      <ul className="status-counts">
        {(["missing", "raise", "met"] as const).map((status) => (
          <li key={status} className={`status-${status}`} data-testid={`count-${status}`}>
            <span aria-hidden="true" className="status-icon">
              {STATUS_TEXT[status].icon}
            </span>
            <strong>{summary[status]}</strong> {STATUS_TEXT[status].label.toLowerCase()}
            <span className="hint"> ({STATUS_TEXT[status].explain})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
