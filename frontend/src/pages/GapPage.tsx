/**
 * "What separates me from it": current vs required levels by competence, the
 * summary in words, and per competence what to learn. Works from a role
 * (`?from=3.2&to=3.4`) or a self-assessment (`?profile=B1:3,B2:2&to=3.4`).
 */
import { useSearchParams } from "react-router";
import { Link, useNavigate } from "../lib/links";
import { api, type Basis, type GapReport } from "../api";
import { Await } from "../components/Await";
import { BasisToggle } from "../components/BasisToggle";
import { GlossaryLink } from "../components/GlossaryLink";
import { CompetenceLink } from "../components/CompetenceLink";
import { EmptyState } from "../components/EmptyState";
import { GapChart } from "../components/GapChart";
import { GapSummaryPanel } from "../components/GapSummaryPanel";
import { LearnList } from "../components/LearnList";
import { LevelBadge } from "../components/LevelBadge";
import { RoleLink } from "../components/RoleLink";
import { UnlocksPanel } from "../components/UnlocksPanel";
import { useCatalogue } from "../context";
import { compareHref, planHref } from "../lib/employeeUrls";
import { isRole, roleTitle } from "../lib/catalogue";
import { decodeProfile, encodeProfile } from "../lib/profile";
import { useResource } from "../lib/useResource";
import { useTitle } from "../lib/useTitle";
import {
  assessHref,
  gapHref,
  mapHref,
  parseGapQuery,
  parseStartQuery,
  pathsHref,
  startHref,
  unknownEnd,
  type GapQuery,
} from "../lib/urlState";

export function GapPage() {
  const [params] = useSearchParams();
  const parsed = parseGapQuery(params);
  if (!parsed.ok) {
    return (
      <EmptyState title="Nothing to compare yet" message={parsed.reason} start={startHref(parseStartQuery(params))} />
    );
  }
  return <GapView query={parsed.value} />;
}

function GapView({ query }: { query: GapQuery }) {
  const catalogue = useCatalogue();
  const navigate = useNavigate();
  const { source, to, basis } = query;
  const known = (code: string) => isRole(catalogue, code);
  const fromTitle = source.kind === "role" ? roleTitle(catalogue, source.code) : "your self-assessment";
  useTitle(`Gap: ${fromTitle} → ${roleTitle(catalogue, to)}`);
  // The start as text: a profile parsed from the URL is a new object on every render.
  const fromRole = source.kind === "role" ? source.code : "";
  const fromProfile = source.kind === "profile" ? encodeProfile(source.profile) : "";
  const gap = useResource(
    (signal) =>
      fromRole
        ? api.gapFromRole(fromRole, to, basis, signal)
        : api.gapFromProfile(decodeProfile(fromProfile).profile, to, basis, signal),
    [fromRole, fromProfile, to, basis],
  );
  const setBasis = (next: Basis) => void navigate(gapHref({ ...query, basis: next }), { replace: true });

  return (
    <div className="gap-page">
      <h1>
        From{" "}
        {source.kind === "role" ? (
          <RoleLink code={source.code} />
        ) : (
          <Link to={assessHref(to)}>your self-assessment</Link>
        )}{" "}
        to <RoleLink code={to} />
      </h1>
      <BasisToggle basis={basis} onChange={setBasis} />
      <p className="hint">
        What the words mean: <GlossaryLink term="levels">levels</GlossaryLink>,{" "}
        <GlossaryLink term="level-steps">level steps</GlossaryLink>,{" "}
        <GlossaryLink term="entry-level">entry level and mastery</GlossaryLink>,{" "}
        <GlossaryLink term="gap">coverage</GlossaryLink>, <GlossaryLink term="symbols">the signs ✕ ▲ ✓</GlossaryLink>.
      </p>
      <Await
        resource={gap}
        what="the gap"
        suggestionHref={(s) =>
          gapHref(
            unknownEnd(source.kind === "role" ? source.code : null, known) === "from"
              ? { ...query, source: { kind: "role", code: s.code } }
              : { ...query, to: s.code },
          )
        }
      >
        {(data) => <GapResult gap={data} query={query} />}
      </Await>
    </div>
  );
}

function GapResult({ gap, query }: { gap: GapReport; query: GapQuery }) {
  const from = query.source.kind === "role" ? query.source.code : null;
  const profile = query.source.kind === "profile" ? query.source.profile : undefined;
  return (
    <>
      <GapSummaryPanel summary={gap.summary} />
      <p className="actions">
        <Link className="button" to={pathsHref({ from: from ?? "", profile, to: query.to })}>
          How do I get there
        </Link>
        <Link className="button secondary" to={planHref({ source: query.source, to: query.to, path: [] })}>
          Make it a plan
        </Link>
        <Link className="button secondary" to={compareHref({ source: query.source, to: [query.to] })}>
          Compare with other roles
        </Link>
        <Link to={mapHref(from ? { path: [from, query.to] } : { role: query.to })}>Show on the career map</Link>
      </p>
      <section aria-labelledby="chart-title">
        <h2 id="chart-title">Level by level</h2>
        <GapChart items={gap.items} haveLabel={from ? "held in the current role" : "my level"} />
      </section>
      <section aria-labelledby="learn-title">
        <h2 id="learn-title">What to learn</h2>
        <LearnList items={gap.items} />
      </section>
      <UnlocksPanel source={query.source} to={query.to} />
      {gap.transferable.length > 0 && (
        <section aria-labelledby="transferable-title">
          <h2 id="transferable-title">Also brings along</h2>
          <p className="hint">Competences held that the target role does not ask for.</p>
          <ul className="transferable">
            {gap.transferable.map((t) => (
              <li key={t.competence.code}>
                <CompetenceLink competence={t.competence} />{" "}
                <LevelBadge competence={t.competence.code} level={t.have} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
