/** The direct move beside paths and plans: learning the target with no role between. When the API
 * says going direct is better (within reach, and fewer level steps than the path), it leads. */
import type { DirectMove as Direct } from "../api";
import { GlossaryLink } from "./GlossaryLink";

export function DirectMove({ direct }: { direct: Direct }) {
  const text = direct.text.charAt(0).toUpperCase() + direct.text.slice(1);
  if (direct.better) {
    return (
      <p className="direct-move direct-better" data-testid="direct-move" role="note">
        <strong>Going direct is better.</strong> {text}. The roles between only add{" "}
        <GlossaryLink term="level-steps">level steps</GlossaryLink>: take them only to hold a job on the way.
      </p>
    );
  }
  return (
    <p className="direct-move" data-testid="direct-move">
      Or {direct.text}
      {direct.within_reach ? " (within reach from here)." : "."} Every step of a path below is{" "}
      <GlossaryLink term="within-reach">within reach</GlossaryLink> of all held before it, so a person holds a job at
      each stage.
    </p>
  );
}
