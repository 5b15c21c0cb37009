/** Per competence, what to learn: the descriptors of the levels to reach, knowledge and skills. */
import type { GapItem } from "../api";
import { useCatalogue } from "../context";
import { levelLabel } from "../lib/levels";
import { plural } from "../lib/format";
import { CompetenceLink } from "./CompetenceLink";
import { KnowledgeList } from "./KnowledgeList";
import { LevelList } from "./LevelList";
import { StatusTag } from "./StatusTag";

export function LearnList({ items }: { items: GapItem[] }) {
  const { scale } = useCatalogue();
  const toLearn = items.filter((item) => item.status !== "met").sort((a, b) => b.delta - a.delta);
  if (toLearn.length === 0) {
    return <p className="empty">Every required competence is already held at the level needed.</p>;
  }
  return (
    <ul className="learn-list">
      {toLearn.map((item) => (
        <li key={item.competence.code}>
          <details>
            <summary>
              <StatusTag status={item.status} /> <strong>{item.competence.title}</strong>{" "}
              <span className="code">{item.competence.code}</span>
              <span className="hint">
                {" "}
                — {levelLabel(scale, item.have)} → {levelLabel(scale, item.need)}, {plural(item.delta, "level step")}
              </span>
            </summary>
            <LearnDetail item={item} />
          </details>
        </li>
      ))}
    </ul>
  );
}

function LearnDetail({ item }: { item: GapItem }) {
  const { levels, knowledge, skills } = item.learn;
  return (
    <div className="learn-detail">
      {levels.length > 0 && (
        <>
          <h4>Levels to reach</h4>
          <LevelList levels={levels} />
        </>
      )}
      <KnowledgeList title="Knowledge" items={knowledge} heading="h4" />
      <KnowledgeList title="Skills" items={skills} heading="h4" />
      <p>
        More about <CompetenceLink competence={item.competence} />
      </p>
    </div>
  );
}
