/**
 * Current vs required level for each competence the target requires, grouped
 * by area. Bars are HTML so they reflow on a phone; the area colour fills
 * what is held, a hatched band shows what is still to learn, a tick marks the need.
 */
import type { CSSProperties } from "react";
import type { GapItem } from "../api";
import { barSegments, levelTicks } from "../lib/barScale";
import { groupByArea } from "../lib/grouping";
import { useCatalogue } from "../context";
import { levelLabel, topLevel } from "../lib/levels";
import { CompetenceLink } from "./CompetenceLink";
import { LevelBadge } from "./LevelBadge";
import { StatusTag } from "./StatusTag";
import { AreaHeading } from "./Swatches";

export function GapChart({ items, haveLabel }: { items: GapItem[]; haveLabel: string }) {
  const { areas } = useCatalogue();
  const groups = groupByArea(items, (item) => item.competence, areas);
  return (
    <div className="gap-chart">
      <GapChartLegend haveLabel={haveLabel} />
      {groups.map(({ area, items: rows }) => (
        <section key={area.code} className="chart-group" aria-labelledby={`area-${area.code}`}>
          <AreaHeading area={area} level="h3" id={`area-${area.code}`} />
          <ul className="chart-rows">
            {rows.map((item) => (
              <GapChartRow key={item.competence.code} item={item} colour={area.colour} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function GapChartRow({ item, colour }: { item: GapItem; colour: string }) {
  const { scale } = useCatalogue();
  const bar = barSegments(item.have, item.need, topLevel(scale));
  const code = item.competence.code;
  return (
    <li className={`chart-row row-${item.status}`} data-competence={code}>
      <div className="row-label">
        <CompetenceLink competence={item.competence} />
      </div>
      <div
        className="bar-track"
        role="img"
        aria-label={`${item.competence.title}: have ${levelLabel(scale, item.have)}, need ${levelLabel(scale, item.need)}`}
        style={{ "--area": colour } as CSSProperties}
      >
        {levelTicks(topLevel(scale)).map((tick) => (
          <span key={tick.level} className="bar-grid" style={{ left: `${tick.at}%` }} />
        ))}
        <span className="bar-held" style={{ width: `${bar.held}%` }} />
        <span className="bar-to-learn" style={{ left: `${bar.toLearnStart}%`, width: `${bar.toLearn}%` }} />
        <span className="bar-need" style={{ left: `${bar.needAt}%` }} />
      </div>
      <div className="row-levels">
        {item.have > 0 ? <LevelBadge competence={code} level={item.have} /> : <span className="none">none</span>}
        <span aria-hidden="true">→</span>
        <span className="visually-hidden">need</span>
        <LevelBadge competence={code} level={item.need} />
        <StatusTag status={item.status} />
      </div>
    </li>
  );
}

function GapChartLegend({ haveLabel }: { haveLabel: string }) {
  const { scale } = useCatalogue();
  return (
    <div className="chart-legend" aria-hidden="true">
      <span>
        <span className="legend-held" /> {haveLabel}
      </span>
      <span>
        <span className="legend-to-learn" /> still to learn
      </span>
      <span>
        <span className="legend-need" /> level needed
      </span>
      <span className="legend-axis">
        {levelTicks(topLevel(scale)).map((t) => (
          <span key={t.level}>{levelLabel(scale, t.level)}</span>
        ))}
      </span>
    </div>
  );
}
