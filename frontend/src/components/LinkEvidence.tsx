/** Why a career move exists: the document's own sentence (quoted by the API), or how it was inferred. */
import type { LinkKind } from "../api";
import { useCatalogue } from "../context";

export function LinkEvidence({ kind, evidence }: { kind: LinkKind; evidence: string }) {
  const { dataset } = useCatalogue();
  if (!evidence) return null;
  if (kind === "documented") {
    return (
      <blockquote className="evidence">
        <p>{evidence}</p>
        <cite>{dataset.name}</cite>
      </blockquote>
    );
  }
  return <p className="hint evidence-inferred">Inferred: {evidence}.</p>;
}
