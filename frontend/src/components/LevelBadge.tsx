/**
 * A level as people read it ("e-3", or the dataset's own label), with the competence's descriptor for that
 * level on hover, keyboard focus or tap. The tip opens towards the side with
 * room; on a phone it shows as a sheet at the bottom of the screen. The descriptors are
 * fetched when a tip is first wanted (hover, focus, tap), not with the screen: they are a
 * third of a first visit's answers, and most visits never open a tip.
 */
import { useId, useState, type SyntheticEvent } from "react";
import { useCatalogue } from "../context";
import { levelDescription, levelLabel } from "../lib/levels";
import { useCompetence } from "../lib/useCompetence";

/** The tip's widest size on a desktop, 20rem, as in styles.css. */
const TIP_WIDTH = 320;

interface Props {
  competence: string;
  level: number;
}

export function LevelBadge({ competence, level }: Props) {
  const [open, setOpen] = useState(false);
  const [alignEnd, setAlignEnd] = useState(false);
  const [wanted, setWanted] = useState(false);
  const tipId = useId();
  const { scale } = useCatalogue();
  const text = levelDescription(
    scale,
    level,
    useCompetence(wanted ? competence : undefined)?.levels.find((l) => l.level === level),
  );
  const place = (event: SyntheticEvent<HTMLElement>) => {
    setWanted(true);
    setAlignEnd(event.currentTarget.getBoundingClientRect().left + TIP_WIDTH > window.innerWidth);
  };
  return (
    <span
      className={`level-badge${open ? " open" : ""}${alignEnd ? " align-end" : ""}`}
      onMouseEnter={place}
      onMouseLeave={() => setOpen(false)}
    >
      <button
        type="button"
        className={`level level-${level}`}
        aria-describedby={tipId}
        onFocus={place}
        onClick={() => {
          setWanted(true);
          setOpen((v) => !v);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => event.key === "Escape" && setOpen(false)}
      >
        {levelLabel(scale, level)}
      </button>
      <span role="tooltip" id={tipId} className="tooltip">
        {text}
      </span>
    </span>
  );
}
