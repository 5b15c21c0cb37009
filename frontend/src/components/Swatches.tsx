/**
 * The colour marks that carry meaning: a dot in a family's colour, a square in
 * an area's colour, and an area heading. Always beside a name, never alone.
 */
import { useCatalogue } from "../context";
import { areaOf, familyColourOf } from "../lib/catalogue";
import type { AreaInfo } from "../lib/palette";

export function FamilyDot({ family }: { family: string }) {
  const catalogue = useCatalogue();
  return <span className="family-dot" style={{ background: familyColourOf(catalogue, family) }} aria-hidden="true" />;
}

/** The dot of an area of competences, by the area's code. */
export function AreaDot({ area }: { area: string }) {
  const catalogue = useCatalogue();
  return <span className="area-dot" style={{ background: areaOf(catalogue, area).colour }} aria-hidden="true" />;
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
