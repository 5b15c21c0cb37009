/** e-CF levels as a definition list: the level with its EQF, then the descriptor. */
import type { LevelInfo } from "../api";
import { levelLabel } from "../lib/levels";

export function LevelList({ levels }: { levels: LevelInfo[] }) {
  return (
    <dl className="level-list">
      {levels.map((l) => (
        <div key={l.level}>
          <dt>
            {levelLabel(l.level)} <span className="hint">(EQF {l.eqf})</span>
          </dt>
          <dd>{l.descriptor}</dd>
        </div>
      ))}
    </dl>
  );
}
