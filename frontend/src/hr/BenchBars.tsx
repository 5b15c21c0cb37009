/**
 * Bench strength of every role as bars: ready now (solid) and ready soon (hatched) on one
 * scale; every bar also prints its numbers, so nothing rests on colour or length alone.
 */
import { Link } from "../lib/links";
import type { BenchCounts } from "./api";
import { barWidth, benchSize, drawn, figure } from "./format";

export function BenchBars({ roles }: { roles: BenchCounts[] }) {
  const max = Math.max(1, ...roles.map(benchSize));
  return (
    <div className="bench">
      <p className="chart-legend" aria-hidden="true">
        <span>
          <span className="bench-key bench-now" /> ready now
        </span>
        <span>
          <span className="bench-key bench-soon" /> ready soon
        </span>
      </p>
      <ol className="bench-bars">
        {roles.map((counts) => (
          <li key={counts.role.code} className="bench-row" data-role={counts.role.code}>
            <Link to={`/hr/roles/${counts.role.code}`} className="bench-label">
              {counts.role.title} <span className="code">{counts.role.code}</span>
            </Link>
            <div
              className="bench-track"
              role="img"
              aria-label={`${counts.role.title}: ${figure(counts.ready_now)} ready now, ${figure(counts.ready_soon)} ready soon`}
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
            <p className="bench-figures">
              <strong>{figure(counts.ready_now)}</strong> ready now · <strong>{figure(counts.ready_soon)}</strong> ready
              soon · {figure(counts.holders)} hold it
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
