/**
 * "Let me rate myself": every competence, grouped by area, with its
 * applicable levels described in words, so people pick what they actually do.
 * Kept in localStorage between visits; the gap link carries it in the URL.
 */
import { useId, useState } from "react";
import { useSearchParams } from "react-router";
import { Link, useNavigate } from "../lib/links";
import { api, type CompetenceSummary, type Profile } from "../api";
import { Loading } from "../components/Loading";
import { NextMoveChoices } from "../components/NextMoveChoices";
import { ProfileFromRole } from "../components/ProfileFromRole";
import { RolePicker } from "../components/RolePicker";
import { useCatalogue } from "../context";
import { assessmentFile, readAssessmentFile } from "../lib/assessmentFile";
import { plural } from "../lib/format";
import { groupByArea } from "../lib/grouping";
import { levelLabel } from "../lib/levels";
import { decodeProfile, encodeProfile, withLevel } from "../lib/profile";
import { useSavedProfile } from "../lib/useSavedProfile";
import { useDebounced } from "../lib/useDebounced";
import { useResource } from "../lib/useResource";
import { useCompetence } from "../lib/useCompetence";
import { useTitle } from "../lib/useTitle";
import { assessHref, gapHref } from "../lib/urlState";
import { AreaHeading } from "../components/Swatches";

export function AssessPage() {
  useTitle("Rate myself");
  const catalogue = useCatalogue();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const to = (params.get("to") ?? "").trim();
  const [profile, setProfile] = useSavedProfile();
  const [filled, setFilled] = useState("");
  const chooseTarget = (code: string) => void navigate(assessHref(code), { replace: true });
  const rated = Object.keys(profile).length;

  return (
    <div className="assess">
      <h1>Rate myself</h1>
      <p className="lead">
        For each competence, pick the description that matches what you actually do today. Skip what you don’t do. Your
        answers stay in this browser.
      </p>
      <ProfileFromRole
        onFill={(levels, title) => {
          setProfile((p) => ({ ...p, ...levels }));
          setFilled(`Filled in the entry levels of ${title}; adjust them below.`);
        }}
      />
      <p role="status" className="hint">
        {filled}
      </p>
      <AssessmentFile
        profile={profile}
        onLoad={(loaded, message) => {
          setProfile(loaded);
          setFilled(message);
        }}
        onFail={setFilled}
      />
      {groupByArea(catalogue.competences, (c) => c, catalogue.areas).map(({ area, items }) => (
        <section key={area.code} className="assess-area" aria-labelledby={`assess-${area.code}`}>
          <AreaHeading area={area} level="h2" id={`assess-${area.code}`} />
          {items.map((competence) => (
            <CompetenceRating
              key={competence.code}
              competence={competence}
              level={profile[competence.code] ?? 0}
              onChange={(level) => setProfile((p) => withLevel(p, competence.code, level))}
            />
          ))}
        </section>
      ))}
      <section className="card assess-target" aria-labelledby="assess-target">
        <h2 id="assess-target">Where do I want to go?</h2>
        <RolePicker label="I want to become a" value={to} onChange={chooseTarget} />
        {rated > 0 && <ProfileNextMoves profile={profile} chosen={to} onPick={chooseTarget} />}
      </section>
      <section className="card sticky-bar" aria-labelledby="assess-next">
        <h2 id="assess-next">{rated === 0 ? "Nothing rated yet" : `You rated ${plural(rated, "competence")}`}</h2>
        <p className="actions">
          {rated > 0 && to ? (
            <Link className="button" to={gapHref({ source: { kind: "profile", profile }, to, basis: "entry" })}>
              See my gap
            </Link>
          ) : (
            <span className="hint">
              {rated === 0 ? "Rate at least one competence" : "Choose a target role below"} to see your gap.
            </span>
          )}
          {rated > 0 && (
            <button type="button" className="secondary" onClick={() => setProfile({})}>
              Clear my answers
            </button>
          )}
        </p>
      </section>
    </div>
  );
}

/** Keep the ratings beyond this browser: save them to a file, load them back. */
function AssessmentFile({
  profile,
  onLoad,
  onFail,
}: {
  profile: Profile;
  onLoad: (profile: Profile, message: string) => void;
  onFail: (message: string) => void;
}) {
  const catalogue = useCatalogue();
  const inputId = useId();
  const stamp = { id: catalogue.dataset.id, version: catalogue.dataset.dataset_version };
  const save = () => {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([assessmentFile(profile, stamp)], { type: "application/json" }));
    link.download = "careergraph-self-assessment.json";
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const load = async (file: File) => {
    try {
      const levels = new Map(catalogue.competences.map((c) => [c.code, c.levels]));
      const read = readAssessmentFile(await file.text(), stamp, levels);
      if (!read.ok) onFail(read.reason);
      else
        onLoad(
          read.profile,
          [`Loaded ${plural(Object.keys(read.profile).length, "rating")} from ${file.name}.`, ...read.notes].join(" "),
        );
    } catch {
      onFail("That file could not be read.");
    }
  };
  return (
    <section className="card assess-file" aria-labelledby="assess-file">
      <h2 id="assess-file">Keep my ratings</h2>
      <p className="hint">Save them to a file to use in another browser, and load them back here.</p>
      <p className="actions">
        <button type="button" className="secondary" disabled={Object.keys(profile).length === 0} onClick={save}>
          Save to a file
        </button>
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          accept="application/json,.json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void load(file);
            event.target.value = "";
          }}
        />
        <label htmlFor={inputId} className="button secondary">
          Load from a file
        </label>
      </p>
    </section>
  );
}

/** The roles nearest to what I rated, asked again once the ratings settle. */
function ProfileNextMoves({
  profile,
  chosen,
  onPick,
}: {
  profile: Profile;
  chosen: string;
  onPick: (code: string) => void;
}) {
  const key = useDebounced(encodeProfile(profile), 400);
  const moves = useResource((signal) => api.nextMovesFromProfile(decodeProfile(key).profile, 5, signal), [key]);
  return <NextMoveChoices heading="Next moves from my ratings" moves={moves} chosen={chosen} onPick={onPick} />;
}

interface RatingProps {
  competence: CompetenceSummary;
  level: number;
  onChange: (level: number) => void;
}

function CompetenceRating({ competence, level, onChange }: RatingProps) {
  const { scale } = useCatalogue();
  return (
    <details className="rating" data-competence={competence.code}>
      <summary>
        <strong>{competence.title}</strong> <span className="code">{competence.code}</span>
        <span className="rating-value">{level > 0 ? levelLabel(scale, level) : "not rated"}</span>
      </summary>
      <RatingChoices code={competence.code} level={level} onChange={onChange} />
    </details>
  );
}

/** The levels of one competence as radio buttons, each described in the framework's words. */
function RatingChoices({ code, level, onChange }: { code: string; level: number; onChange: (level: number) => void }) {
  const competence = useCompetence(code);
  if (!competence) return <Loading what="the level descriptions" />;
  const name = `rate-${code}`;
  return (
    <fieldset>
      <legend className="visually-hidden">My level in {competence.title}</legend>
      <p className="hint">{competence.description}</p>
      <label className="rating-option">
        <input type="radio" name={name} checked={level === 0} onChange={() => onChange(0)} />
        <span>I don’t do this</span>
      </label>
      {competence.levels.map((l) => (
        <label key={l.level} className="rating-option">
          <input type="radio" name={name} checked={level === l.level} onChange={() => onChange(l.level)} />
          <span>
            <strong>{l.label}</strong> {l.descriptor}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
