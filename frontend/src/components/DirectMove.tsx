/** The direct move beside paths and plans: learning the target with no role between. */
import type { DirectMove as Direct } from "../api";

export function DirectMove({ direct }: { direct: Direct }) {
  return (
    <p className="direct-move" data-testid="direct-move">
      Or {direct.text}
      {direct.within_reach ? " (within reach from here)." : "."} Every step of a path below is within reach of all held
      before it, so a person holds a job at each stage.
    </p>
  );
}
