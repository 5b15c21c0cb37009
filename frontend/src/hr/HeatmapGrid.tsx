/**
 * The unit x competence heatmap as a table: each cell prints its share and how many people
 * it is over, its band colours it (never colour alone), and a withheld cell says why.
 */
import type { CompetenceRef } from "../api";
import type { Heatmap, HeatmapCell } from "./api";
import { HEAT_BANDS, heatBand, percent } from "./format";

export function HeatmapGrid({ heatmap }: { heatmap: Heatmap }) {
  const cells = new Map(heatmap.cells.map((cell) => [`${cell.unit}\u0000${cell.competence}`, cell]));
  return (
    <>
      <HeatmapLegend minimum={heatmap.min_group_size} />
      <div className="heat-scroll" tabIndex={0} role="region" aria-labelledby="heat-caption">
        <table className="heat-table">
          <caption id="heat-caption">
            Share of each unit&apos;s people holding a competence at the level their role requires
          </caption>
          <thead>
            <tr>
              <th scope="col">Unit</th>
              {heatmap.competences.map((competence) => (
                <CompetenceHeader key={competence.code} competence={competence} />
              ))}
            </tr>
          </thead>
          <tbody>
            {heatmap.units.map((unit) => (
              <tr key={unit}>
                <th scope="row">{unit}</th>
                {heatmap.competences.map((competence) => (
                  <HeatCell key={competence.code} cell={cells.get(`${unit}\u0000${competence.code}`)} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">
        {heatmap.suppressed} of {heatmap.cells.length} cells withheld; {heatmap.left_out} people without a unit or a
        role are not counted.
      </p>
    </>
  );
}

function CompetenceHeader({ competence }: { competence: CompetenceRef }) {
  return (
    <th scope="col" data-competence={competence.code}>
      <span className="heat-title">{competence.title}</span> <span className="code">{competence.code}</span>
    </th>
  );
}

function HeatCell({ cell }: { cell: HeatmapCell | undefined }) {
  if (!cell) {
    return (
      <td className="heat heat-none">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">no one here has a role that requires it</span>
      </td>
    );
  }
  if (cell.suppressed || cell.share === null || cell.share === undefined) {
    return (
      <td className="heat heat-withheld" title={`Withheld: ${cell.reason ?? ""}`} data-suppressed="true">
        <span aria-hidden="true">n&lt;{minimumOf(cell.reason)}</span>
        <span className="visually-hidden">withheld: {cell.reason}</span>
      </td>
    );
  }
  return (
    <td className={`heat heat-${heatBand(cell.share)}`} data-share={cell.share}>
      <span className="heat-share">{percent(cell.share)}</span>
      <span className="heat-people">
        {cell.holding}/{cell.people}
      </span>
    </td>
  );
}

/** The minimum group size a withheld cell's reason names ("fewer than 5 people ..."). */
function minimumOf(reason: string | null | undefined): string {
  return /\d+/.exec(reason ?? "")?.[0] ?? "";
}

function HeatmapLegend({ minimum }: { minimum: number }) {
  return (
    <div className="heat-legend">
      <p>
        Each cell: the share holding it, then how many of how many people. Colour bands (the numbers always say it):
      </p>
      <ul>
        {HEAT_BANDS.map(({ band, label }) => (
          <li key={band}>
            <span className={`heat-key heat-${band}`} aria-hidden="true" /> {label}
          </li>
        ))}
        <li>
          <span className="heat-key heat-withheld" aria-hidden="true" /> n&lt;{minimum}: withheld, fewer than {minimum}{" "}
          people (the minimum group size), or a cell withheld with it so that it cannot be worked out from the totals
        </li>
        <li>
          <span className="heat-key heat-none" aria-hidden="true" /> –: no one in the unit has a role that requires the
          competence
        </li>
      </ul>
    </div>
  );
}
