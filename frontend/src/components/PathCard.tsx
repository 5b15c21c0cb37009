/** One career path: the chain of roles, and per move what it adds and costs. */
import { Link } from "../lib/links";
import type { CareerPath, Step } from "../api";
import { useCatalogue } from "../context";
import { roleTitle } from "../lib/catalogue";
import { planHref } from "../lib/employeeUrls";
import { percent, plural, stepsToGo } from "../lib/format";
import { gapHref, mapHref, type GapSource } from "../lib/urlState";
import { CompetenceLink } from "./CompetenceLink";
import { LevelBadge } from "./LevelBadge";
import { LinkEvidence } from "./LinkEvidence";
import { LinkKindTag } from "./LinkKindTag";
import { RoleLink } from "./RoleLink";

/** A path from `source`: a role, or a self-assessment (whose first step comes from ""). */
export function PathCard({ path, rank, source }: { path: CareerPath; rank: number; source: GapSource }) {
  const moves = path.steps.length;
  const target = path.roles[path.roles.length - 1] ?? "";
  return (
    <article className="path-card" aria-labelledby={`path-${rank}`} data-testid="path-card">
      <h3 id={`path-${rank}`}>
        Path {rank}: {plural(moves, "move")}, {stepsToGo(path.cost).toLowerCase()}
      </h3>
      <ol className="role-chain">
        {source.kind === "profile" && <li>My self-assessment</li>}
        {path.roles.map((code) => (
          <li key={code}>
            <RoleLink code={code} />
          </li>
        ))}
      </ol>
      <ol className="steps">
        {path.steps.map((step) => (
          <StepDetail key={`${step.from}>${step.to}`} step={step} source={source} />
        ))}
      </ol>
      <p className="actions">
        <Link to={planHref({ source, to: target, path: path.roles })}>
          Make this my plan<span className="visually-hidden"> (path {rank})</span>
        </Link>
        <Link to={mapHref({ path: path.roles })}>Show on the career map</Link>
      </p>
    </article>
  );
}

function StepDetail({ step, source }: { step: Step; source: GapSource }) {
  const catalogue = useCatalogue();
  // A self-assessment has no role: its first step comes from "".
  const start: GapSource = step.from ? { kind: "role", code: step.from } : source;
  return (
    <li className="step">
      <p className="step-title">
        <strong>
          {step.from ? roleTitle(catalogue, step.from) : "My self-assessment"} → {roleTitle(catalogue, step.to)}
        </strong>{" "}
        <LinkKindTag kind={step.kind} /> <span className="cost">{plural(step.cost, "level step")}</span>{" "}
        <span className="hint">({percent(step.coverage)} covered before the move)</span>
      </p>
      <LinkEvidence kind={step.kind} evidence={step.evidence} condition={step.condition} />
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
        <Link to={gapHref({ source: start, to: step.to, basis: "entry" })}>Full gap for this move</Link>
      </p>
    </li>
  );
}
