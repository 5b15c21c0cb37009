import type { RoleSheet } from "../api";
import { LinkEvidence } from "./LinkEvidence";
import { RoleLink } from "./RoleLink";

/** The moves to and from this role that the source document states, with its words. */
export function DocumentedMoves({ role }: { role: RoleSheet }) {
  const moves = [
    ...role.links_out.filter((l) => l.kind === "documented").map((l) => ({ ...l, direction: "to" as const })),
    ...role.links_in.filter((l) => l.kind === "documented").map((l) => ({ ...l, direction: "from" as const })),
  ];
  if (moves.length === 0) return null;
  return (
    <section aria-labelledby="documented-moves">
      <h2 id="documented-moves">Moves the document names</h2>
      <ul className="documented-moves">
        {moves.map((move) => (
          <li key={`${move.direction}-${move.role.code}`}>
            {move.direction === "to" ? "On to " : "Coming from "}
            <RoleLink code={move.role.code} />
            <LinkEvidence kind={move.kind} evidence={move.evidence} />
          </li>
        ))}
      </ul>
    </section>
  );
}
