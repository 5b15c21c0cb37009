/** Why a career move exists: the document's own sentence (quoted by the API), or how it was inferred;
 * and who a documented move is for, when its source limits it. */
import type { LinkKind } from "../api";
import { useCatalogue } from "../context";
import { GlossaryLink } from "./GlossaryLink";

export function LinkEvidence({
  kind,
  evidence,
  condition = "",
}: {
  kind: LinkKind;
  evidence: string;
  condition?: string;
}) {
  const { dataset } = useCatalogue();
  if (!evidence) return null;
  if (kind === "documented") {
    return (
      <>
        <blockquote className="evidence">
          <p>{evidence}</p>
          <cite>{dataset.name}</cite>
        </blockquote>
        {condition && (
          <p className="condition" data-testid="step-condition">
            Only for some: {condition}.
          </p>
        )}
      </>
    );
  }
  return (
    <p className="hint evidence-inferred">
      <GlossaryLink term="documented-inferred">Inferred</GlossaryLink>: {evidence}.
    </p>
  );
}
