/**
 * The words the screens use, each explained once (`/glossary#within-reach`). Figures
 * that depend on the dataset (its level scale, the within-reach threshold) come from
 * the API's description of the dataset shown, never from a copy in the UI.
 */
import { useEffect, type ReactNode } from "react";
import { useLocation } from "react-router";
import { useCatalogue } from "../context";
import { STATUS_TEXT, percent } from "../lib/format";
import { levelLabel, topLevel } from "../lib/levels";
import { useTitle } from "../lib/useTitle";
import type { GlossaryTerm } from "./glossaryTerms";

export function GlossaryPage() {
  useTitle("What the words mean");
  const { dataset, scale } = useCatalogue();
  const top = topLevel(scale);
  const eqf = dataset.scale.mappings["EQF"];
  const example = Math.min(3, top);
  const { hash } = useLocation();
  // A link to one term (`/glossary#within-reach`) opens the page at that term.
  useEffect(() => {
    if (hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [hash]);
  return (
    <div className="glossary">
      <h1>What the words mean</h1>
      <p className="lead">The words and signs used on every screen, each in a sentence or two.</p>
      <dl>
        <Entry id="levels" term={`Levels (${levelLabel(scale, 1)} … ${levelLabel(scale, top)})`}>
          Each competence is held at a level, from {levelLabel(scale, 1)} (the lowest) to {levelLabel(scale, top)} (the
          highest) in {dataset.name}.
          {eqf && (
            <>
              {" "}
              A level such as “{levelLabel(scale, example)} (EQF {eqf[example - 1]})” also gives the matching level of
              the European Qualifications Framework (EQF, 1 to 8), to compare with diplomas and other frameworks.
            </>
          )}{" "}
          Tap or hover a level to read what it means for that competence.
        </Entry>
        <Entry id="level-steps" term="Level steps">
          How far apart two levels are: going from {levelLabel(scale, 1)} to {levelLabel(scale, Math.min(3, top))} is{" "}
          {Math.min(3, top) - 1} level steps, and a competence not held yet counts from nothing. The level steps of a
          move add up every level still to learn, over every competence the role asks for: the smaller, the closer.
        </Entry>
        <Entry id="entry-level" term="Entry level and mastery">
          A role sheet often asks a range of levels for a competence. The entry level is the low end (enough to start in
          the role), mastery the high end (what the role asks of someone fully at home in it). Gaps are counted against
          entry levels unless you choose mastery.
        </Entry>
        <Entry id="gap" term="Gap and coverage">
          The gap is what separates you (or a role) from another role: the competences still to learn and their level
          steps. Coverage is the share of the other role’s levels you already hold: 62% covered means 62 of every 100
          level steps it asks for are already there.
        </Entry>
        <Entry id="within-reach" term="Within reach">
          A role is within reach when at least {percent(dataset.within_reach)} of its entry levels are already held. The
          same threshold is used everywhere: what one step unlocks, comparisons, and every step of a path (each step
          must be within reach of everything held before it, so a person holds a job at every stage).
        </Entry>
        <Entry id="relatedness" term="Relatedness">
          How alike two roles are: what both ask for (competences and levels, both ways) and, where the data has them,
          their titles and descriptions. A related role is the same line of work; it can still be far away.
        </Entry>
        <Entry id="direction" term="Direction: step up, lateral, step down">
          Whether a move leads to a more senior role, one at the same seniority, or a more junior one. Seniority comes
          from the data’s own job zones where it has them (O*NET), otherwise from how much the role asks in total. Next
          moves leave out step-downs unless you ask for them.
        </Entry>
        <Entry id="documented-inferred" term="❝ Documented and ≈ Inferred moves">
          A documented move is one the source document names, quoted with its line. An inferred move is computed: among
          the roles most related to the one held, and not a step down. Both are shown with their evidence.
        </Entry>
        <Entry id="paths" term="Paths and going direct">
          A path is a chain of jobs leading to the target, each within reach of everything held before it. Going
          straight to the target always takes the fewest level steps; a path is worth it only because you hold a job at
          each stage. When the target itself is already within reach, going direct is better, and the paths screen says
          so.
        </Entry>
        <Entry id="symbols" term="Signs">
          <ul className="glossary-symbols">
            {(["missing", "raise", "met"] as const).map((status) => (
              <li key={status}>
                <span aria-hidden="true">{STATUS_TEXT[status].icon}</span> {STATUS_TEXT[status].label}:{" "}
                {STATUS_TEXT[status].explain}
              </li>
            ))}
            <li>
              <span aria-hidden="true">❝</span> Documented: the source document names this move
            </li>
            <li>
              <span aria-hidden="true">≈</span> Inferred: computed from how related the roles are
            </li>
            <li>
              <span aria-hidden="true">→</span> from one level or role to the next
            </li>
          </ul>
          The same sign means the same thing on every screen; colour never carries a meaning alone.
        </Entry>
        <Entry id="data-version" term="Data version">
          A short code naming the exact data an answer was computed from. Two answers with the same data version agree;
          it changes when the data or the way moves are computed changes.
        </Entry>
      </dl>
    </div>
  );
}

function Entry({ id, term, children }: { id: GlossaryTerm; term: string; children: ReactNode }) {
  return (
    <>
      <dt id={id}>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}
