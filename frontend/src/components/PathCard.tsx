/** One career path: the chain of roles, and per move what it adds and costs. */
import { Link } from "../lib/links";
import type { CareerPath, Step } from "../api";
import { useCatalogue } from "../context";
import { roleTitle } from "../lib/catalogue";
import { plural, stepsToGo } from "../lib/format";
import { gapHref, mapHref } from "../lib/urlState";
import { CompetenceLink } from "./CompetenceLink";
import { LevelBadge } from "./LevelBadge";
import { LinkEvidence } from "./LinkEvidence";
import { LinkKindTag } from "./LinkKindTag";
import { RoleLink } from "./RoleLink";

export function PathCard({ path, rank }: { path: CareerPath; rank: number }) {
  const moves = path.steps.length;
  return (
    <article className="path-card" aria-labelledby={`path-${rank}`} data-testid="path-card">
      <h3 id={`path-${rank}`}>
        Path {rank}: {plural(moves, "move")}, {stepsToGo(path.cost).toLowerCase()}
      </h3>
      <ol className="role-chain">
        {path.roles.map((code) => (
          <li key={code}>
            <RoleLink code={code} />
          </li>
        ))}
      </ol>
      <ol className="steps">
        {path.steps.map((step) => (
          <StepDetail key={`${step.from}>${step.to}`} step={step} />
        ))}
      </ol>
      <p className="actions">
        <Link to={mapHref({ path: path.roles })}>Show on the career map</Link>
      </p>
    </article>
  );
}

function StepDetail({ step }: { step: Step }) {
  const catalogue = useCatalogue();
  return (
    <li className="step">
      <p className="step-title">
        <strong>
          {roleTitle(catalogue, step.from)} → {roleTitle(catalogue, step.to)}
        </strong>{" "}
        <LinkKindTag kind={step.kind} /> <span className="cost">{plural(step.cost, "level step")}</span>
      </p>
      <LinkEvidence kind={step.kind} evidence={step.evidence} />
      {step.gains.length > 0 ? (
        <details>
          <summary>Adds {plural(step.gains.length, "competence level", "competence levels")}</summary>
          <ul className="gains">
            {step.gains.map((gain) => (
              <li key={gain.competence.code}>
                <CompetenceLink competence={gain.competence} />{" "}
                {gain.from > 0 ? <LevelBadge competence={gain.competence.code} level={gain.from} /> : "none"} →{" "}
                <LevelBadge competence={gain.competence.code} level={gain.to} />
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="hint">Adds nothing new: everything this role needs is already held.</p>
      )}
      <p>
        <Link to={gapHref({ source: { kind: "role", code: step.from }, to: step.to, basis: "entry" })}>
          Full gap for this move
        </Link>
      </p>
    </li>
  );
}
