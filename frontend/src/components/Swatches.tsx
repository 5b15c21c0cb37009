/**
 * The colour marks that carry meaning: a dot in a family's colour, a square in
 * an e-CF area's colour, and an area heading. Always beside a name, never alone.
 */
import type { AreaInfo } from "../lib/palette";
import { area, familyColour } from "../lib/palette";

export function FamilyDot({ family }: { family: string }) {
  return <span className="family-dot" style={{ background: familyColour(family) }} aria-hidden="true" />;
}

export function AreaDot({ competence }: { competence: string }) {
  return <span className="area-dot" style={{ background: area(competence).colour }} aria-hidden="true" />;
}

interface HeadingProps {
  area: AreaInfo;
  level: "h2" | "h3";
  id?: string;
}

export function AreaHeading({ area: info, level: Heading, id }: HeadingProps) {
  return (
    <Heading id={id} className="area-heading" style={{ borderColor: info.colour }}>
      <span className="area-swatch" style={{ background: info.colour }} aria-hidden="true" />
      {info.name}
    </Heading>
  );
}
