/** A competence's levels as a definition list: the level (with its EQF where the scale maps it), then the descriptor. */
import type { LevelInfo } from "../api";

export function LevelList({ levels }: { levels: LevelInfo[] }) {
  return (
    <dl className="level-list">
      {levels.map((l) => (
        <div key={l.level}>
          <dt>
            {l.label} {l.eqf && <span className="hint">(EQF {l.eqf})</span>}
          </dt>
          <dd>{l.descriptor}</dd>
        </div>
      ))}
    </dl>
  );
}
