/** A term as it appears on a screen, linked to its entry in the glossary (`/glossary#within-reach`). */
import type { ReactNode } from "react";
import { Link } from "../lib/links";
import type { GlossaryTerm } from "../pages/glossaryTerms";

export function GlossaryLink({ term, children }: { term: GlossaryTerm; children: ReactNode }) {
  return (
    <Link to={`/glossary#${term}`} className="glossary-link">
      {children}
    </Link>
  );
}
