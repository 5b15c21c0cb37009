/**
 * A level as people read it ("e-3"), with the competence's descriptor for that
 * level on hover, keyboard focus or tap.
 */
import { useId, useState } from "react";
import { levelDescription, levelLabel } from "../lib/levels";
import { useCompetence } from "../lib/useCompetence";

interface Props {
  competence: string;
  level: number;
}

export function LevelBadge({ competence, level }: Props) {
  const [open, setOpen] = useState(false);
  const tipId = useId();
  const text = levelDescription(
    level,
    useCompetence(competence)?.levels.find((l) => l.level === level),
  );
  return (
    <span className={`level-badge${open ? " open" : ""}`} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className={`level level-${level}`}
        aria-describedby={tipId}
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => event.key === "Escape" && setOpen(false)}
      >
        {levelLabel(level)}
      </button>
      <span role="tooltip" id={tipId} className="tooltip">
        {text}
      </span>
    </span>
  );
}
