/**
 * "Where am I" and "where do I want to go": pick a role (or rate yourself) and
 * a target, then open the gap or the paths. The choices live in the URL.
 */
import { useSearchParams } from "react-router";
import { Link, useNavigate } from "../lib/links";
import { api } from "../api";
import { NextMoveChoices } from "../components/NextMoveChoices";
import { RoleLink } from "../components/RoleLink";
import { RolePicker } from "../components/RolePicker";
import { useCatalogue } from "../context";
import { roleTitle } from "../lib/catalogue";
import { plural } from "../lib/format";
import { useResource } from "../lib/useResource";
import { useSavedRatingCount } from "../lib/useSavedProfile";
import { useTitle } from "../lib/useTitle";
import { assessHref, gapHref, parseStartQuery, pathsHref, startHref } from "../lib/urlState";

export function StartPage() {
  useTitle("");
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { from, to } = parseStartQuery(params);
  const set = (change: { from?: string; to?: string }) => void navigate(startHref({ from, to, ...change }));
  const rated = useSavedRatingCount();

  return (
    <div className="start">
      <h1>Where can your career go next?</h1>
      <p className="lead">
        Tell us where you are and where you want to be: we show what separates the two, level by level, and the paths
        that lead there.
      </p>
      <div className="start-grid">
        <section className="card" aria-labelledby="where-am-i">
          <h2 id="where-am-i">1. Where am I?</h2>
          <RolePicker label="I am a" value={from} onChange={(code) => set({ from: code })} />
          <p className="or">
            <span>or</span>
          </p>
          <p>
            <Link to={assessHref(to)} className="button secondary">
              Let me rate myself
            </Link>{" "}
            {rated > 0 && <span className="hint">You have rated {plural(rated, "competence")} already.</span>}
          </p>
        </section>
        <section className="card" aria-labelledby="where-to">
          <h2 id="where-to">2. Where do I want to go?</h2>
          <RolePicker label="I want to become a" value={to} onChange={(code) => set({ to: code })} exclude={from} />
          {from && <NextMoves from={from} chosen={to} onPick={(code) => set({ to: code })} />}
        </section>
      </div>
      <StartActions from={from} to={to} />
    </div>
  );
}

function StartActions({ from, to }: { from: string; to: string }) {
  if (!from || !to) {
    return (
      <p className="hint start-next" role="status">
        {!from ? "Choose your current role (or rate yourself) to continue." : "Now choose the role you want to become."}
      </p>
    );
  }
  return (
    <section className="card start-next sticky-bar" aria-labelledby="what-next">
      <h2 id="what-next">3. See the way</h2>
      <p className="actions">
        <Link className="button" to={gapHref({ source: { kind: "role", code: from }, to, basis: "entry" })}>
          What separates me from it
        </Link>
        <Link className="button secondary" to={pathsHref({ from, to })}>
          How do I get there
        </Link>
      </p>
    </section>
  );
}

function NextMoves({ from, chosen, onPick }: { from: string; chosen: string; onPick: (code: string) => void }) {
  const catalogue = useCatalogue();
  const moves = useResource((signal) => api.nextMoves(from, 5, signal), [from]);
  return (
    <NextMoveChoices
      heading={`Next moves from ${roleTitle(catalogue, from)}`}
      moves={moves}
      chosen={chosen}
      onPick={onPick}
    >
      <p className="hint">
        More on <RoleLink code={from} />.
      </p>
    </NextMoveChoices>
  );
}
