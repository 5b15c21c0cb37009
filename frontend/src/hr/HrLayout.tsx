/**
 * The HR analytics section: asks for the workforce key once per browser session, then
 * shows its screens (bench strength, heatmap, a role's candidates, what-if) with it.
 */
import { useMemo, useState, type FormEvent } from "react";
import { Outlet } from "react-router";
import { NavLink } from "../lib/links";
import { useTitle } from "../lib/useTitle";
import { workforceApi } from "./api";
import { storeKey, storedKey, WorkforceContext } from "./key";
import "./hr.css";

const SCREENS = [
  { to: "/hr", label: "Bench strength", end: true },
  { to: "/hr/heatmap", label: "Heatmap", end: false },
  { to: "/hr/what-if", label: "What if", end: false },
];

export function HrLayout() {
  const [key, setKey] = useState<string | null>(() => storedKey());
  const client = useMemo(() => (key ? workforceApi(key) : null), [key]);
  const choose = (next: string | null) => {
    storeKey(next);
    setKey(next);
  };
  if (!client) return <KeyForm onKey={choose} />;
  return (
    <WorkforceContext.Provider value={client}>
      <div className="hr-section">
        <nav aria-label="HR analytics" className="hr-nav">
          <ul>
            {SCREENS.map((screen) => (
              <li key={screen.to}>
                <NavLink to={screen.to} end={screen.end}>
                  {screen.label}
                </NavLink>
              </li>
            ))}
          </ul>
          <button type="button" className="button secondary" onClick={() => choose(null)}>
            Forget the key
          </button>
        </nav>
        <Outlet />
      </div>
    </WorkforceContext.Provider>
  );
}

function KeyForm({ onKey }: { onKey: (key: string) => void }) {
  useTitle("HR analytics");
  const [text, setText] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) onKey(text.trim());
  };
  return (
    <div className="hr-key">
      <h1>HR analytics</h1>
      <p className="lead">
        Bench strength, the competence heatmap and what-if scenarios over your organisation&apos;s people. These screens
        show people&apos;s data: they need an API key with the <strong>workforce</strong> scope.
      </p>
      <form onSubmit={submit} className="card hr-key-form">
        <label htmlFor="workforce-key">Workforce API key</label>
        <input
          id="workforce-key"
          type="password"
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby="workforce-key-hint"
        />
        <p id="workforce-key-hint" className="hint">
          Kept for this browser session only (it is forgotten when you close the tab). People are pseudonymous, and
          groups of fewer people than the minimum group size are never shown.
        </p>
        <button type="submit" className="button">
          Open HR analytics
        </button>
      </form>
    </div>
  );
}
