/**
 * "Can I keep this plan?": the steps of one path from a role or a self-assessment to a
 * target, each with what to learn, the evidence for the move, the level steps so far
 * and the experience the role's sheet asks for. Prints as a clean PDF; downloads as
 * Markdown. `/plan?from=3.2&to=3.4&path=3.2,3.3,3.4` (no path: the best one).
 */
import { useState } from "react";
import { useSearchParams } from "react-router";
import { Link } from "../lib/links";
import { api, ApiError, type Plan, type PlanItem, type PlanStep } from "../api";
import { Await } from "../components/Await";
import { CompetenceLink } from "../components/CompetenceLink";
import { DirectMove } from "../components/DirectMove";
import { EmptyState } from "../components/EmptyState";
import { GlossaryLink } from "../components/GlossaryLink";
import { KnowledgeList } from "../components/KnowledgeList";
import { LevelList } from "../components/LevelList";
import { LinkEvidence } from "../components/LinkEvidence";
import { LinkKindTag } from "../components/LinkKindTag";
import { PlanNotes } from "../components/PlanNotes";
import { RoleLink } from "../components/RoleLink";
import { useCatalogue } from "../context";
import { roleTitle } from "../lib/catalogue";
import { fromKey, parsePlanQuery, planHref, sourceKey, type PlanQuery } from "../lib/employeeUrls";
import { percent, plural } from "../lib/format";
import { levelLabel } from "../lib/levels";
import { experienceLines, planFileName } from "../lib/planText";
import { useResource } from "../lib/useResource";
import { useTitle } from "../lib/useTitle";
import { gapHref, pathsHref } from "../lib/urlState";
import "../print.css";

export function PlanPage() {
  const [params] = useSearchParams();
  const parsed = parsePlanQuery(params);
  if (!parsed.ok) return <EmptyState title="No plan to show yet" message={parsed.reason} />;
  return <PlanView query={parsed.value} />;
}

function PlanView({ query }: { query: PlanQuery }) {
  const catalogue = useCatalogue();
  const { source, to } = query;
  const fromTitle = source.kind === "role" ? roleTitle(catalogue, source.code) : "my self-assessment";
  useTitle(`Plan: ${fromTitle} → ${roleTitle(catalogue, to)}`);
  const key = sourceKey(source);
  const path = query.path.join(",");
  const plan = useResource(
    (signal) => api.plan(fromKey(key), to, path ? path.split(",") : [], signal),
    [key, to, path],
  );
  return (
    <article className="plan-page">
      <h1>
        My plan: from {source.kind === "role" ? <RoleLink code={source.code} /> : "my self-assessment"} to{" "}
        <RoleLink code={to} />
      </h1>
      <Await resource={plan} what="the plan">
        {(data) => <PlanBody plan={data} query={query} />}
      </Await>
    </article>
  );
}

function PlanBody({ plan, query }: { plan: Plan; query: PlanQuery }) {
  const catalogue = useCatalogue();
  const from = query.source.kind === "role" ? query.source.code : "";
  const chain = [...(from ? [] : ["My self-assessment"]), ...plan.path.map((code) => roleTitle(catalogue, code))];
  return (
    <>
      <section className="plan-summary card" aria-labelledby="plan-summary">
        <h2 id="plan-summary">In short</h2>
        <p data-testid="plan-chain">{chain.join(" → ")}</p>
        <p className="headline" data-testid="plan-total">
          {plural(plan.steps.length, "move")}, {plural(plan.level_steps, "level step")} in all
        </p>
        <DirectMove direct={plan.direct} />
        <p className="hint">
          {plan.path_source === "best" ? "The best path: fewest level steps to learn." : "The path you chose."} What
          earlier roles taught is kept, so each move counts only what is new.
        </p>
        <p className="hint plan-printed-on" data-testid="plan-credit">
          {today()}. Data: {catalogue.dataset.name}. {catalogue.dataset.attribution}{" "}
          {catalogue.dataset.licence && <>Licence: {catalogue.dataset.licence}.</>}
        </p>
        <p className="hint plan-version">
          <GlossaryLink term="data-version">Data version</GlossaryLink> {plan.dataset_version}.
        </p>
        <PlanActions plan={plan} query={query} />
      </section>
      <ol className="plan-steps">
        {plan.steps.map((step, i) => (
          <PlanStepView key={step.to.code} step={step} number={i + 1} />
        ))}
      </ol>
      <PlanNotes planKey={planHref(query)} />
    </>
  );
}

/** The day the plan is made (and printed), as people write it: "7 December 2026". */
function today(): string {
  return new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}

function PlanActions({ plan, query }: { plan: Plan; query: PlanQuery }) {
  const [failed, setFailed] = useState("");
  const from = query.source.kind === "role" ? query.source.code : "";
  const download = async () => {
    setFailed("");
    try {
      const text = await api.planMarkdown(fromKey(sourceKey(query.source)), plan.to.code, plan.path);
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], { type: "text/markdown" }));
      link.download = planFileName(from, plan.to.code);
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (error) {
      setFailed(error instanceof ApiError ? error.message : "The download failed; try again.");
    }
  };
  return (
    <div className="actions no-print">
      <button type="button" onClick={() => window.print()}>
        Print or save as PDF
      </button>
      <button type="button" className="secondary" onClick={() => void download()}>
        Download as Markdown
      </button>
      <Link
        to={pathsHref(
          query.source.kind === "role"
            ? { from, to: plan.to.code }
            : { from: "", profile: query.source.profile, to: plan.to.code },
        )}
      >
        Choose another path
      </Link>
      <p role="status" className="hint">
        {failed}
      </p>
    </div>
  );
}

function PlanStepView({ step, number }: { step: PlanStep; number: number }) {
  const asked = experienceLines(step.experience);
  return (
    <li className="plan-step" data-testid="plan-step">
      <h2>
        Step {number}: {step.from ? step.from.title : "My self-assessment"} → {step.to.title}
      </h2>
      <p>
        <LinkKindTag kind={step.kind} />{" "}
        <strong>
          {plural(step.level_steps, "level step")} ({step.cumulative_level_steps} from the start)
        </strong>{" "}
        <span className="hint">({percent(step.coverage)} covered before the move)</span>
      </p>
      <LinkEvidence kind={step.kind} evidence={step.evidence} condition={step.condition} />
      {asked.length > 0 && (
        <div className="asked">
          <h3>What the {step.to.title} sheet asks for</h3>
          <ul>
            {asked.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {step.learn.length === 0 ? (
        <p className="hint">Nothing new to learn: everything this role needs is already held.</p>
      ) : (
        step.learn.map((item) => <PlanItemView key={item.competence.code} item={item} />)
      )}
      {step.from && (
        <p className="no-print">
          <Link to={gapHref({ source: { kind: "role", code: step.from.code }, to: step.to.code, basis: "entry" })}>
            Full gap for this move
          </Link>
        </p>
      )}
    </li>
  );
}

function PlanItemView({ item }: { item: PlanItem }) {
  const { scale } = useCatalogue();
  return (
    <section
      className="plan-item"
      aria-label={`${item.competence.title}: ${levelLabel(scale, item.from)} to ${levelLabel(scale, item.to)}`}
    >
      <h3>
        <CompetenceLink competence={item.competence} />: {levelLabel(scale, item.from)} → {levelLabel(scale, item.to)}{" "}
        <span className="hint">({plural(item.level_steps, "level step")})</span>
      </h3>
      {item.learn.levels.length > 0 && <LevelList levels={item.learn.levels} />}
      <KnowledgeList title="Knowledge" items={item.learn.knowledge} heading="h4" />
      <KnowledgeList title="Skills" items={item.learn.skills} heading="h4" />
    </section>
  );
}
