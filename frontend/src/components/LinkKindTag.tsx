/** Whether a career move is stated by the source document or inferred from competences. */
import type { LinkKind } from "../api";

const KIND_TEXT: Record<LinkKind, { icon: string; label: string; explain: string }> = {
  documented: { icon: "❝", label: "Documented", explain: "the source document names this move" },
  inferred: { icon: "≈", label: "Inferred", explain: "computed from how related the roles are" },
};

export function LinkKindTag({ kind }: { kind: LinkKind }) {
  const { icon, label, explain } = KIND_TEXT[kind];
  return (
    <span className={`kind kind-${kind}`} title={explain}>
      <span aria-hidden="true">{icon}</span> {label}
    </span>
  );
}
