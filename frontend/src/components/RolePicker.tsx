/**
 * Choosing a role: search by title or alternative title (the API's `q`), or
 * browse the families. Results are plain buttons, so Tab and Enter suffice;
 * focus follows the person: to the search on "Change", to the choice after it.
 * Catalogues of thousands of roles stay quick: results and families show their
 * first entries with a button for more, and a family's roles render only once opened.
 */
import { useEffect, useId, useRef, useState, type SyntheticEvent } from "react";
import { api, type RoleSummary } from "../api";
import { useCatalogue } from "../context";
import { rolesOfFamily } from "../lib/catalogue";
import { plural } from "../lib/format";
import { useDebounced } from "../lib/useDebounced";
import { CappedList } from "./CappedList";
import { FamilyDot } from "./Swatches";

interface Props {
  label: string;
  value: string;
  onChange: (code: string) => void;
  /** A role that cannot be chosen here (e.g. the starting role as a target). */
  exclude?: string;
  /** Offer the families to browse below the search (not where the screen shows them already). */
  browse?: boolean;
}

export function RolePicker({ label, value, onChange, exclude, browse = true }: Props) {
  const catalogue = useCatalogue();
  const chosen = catalogue.roleByCode.get(value);
  const [editing, setEditing] = useState(!chosen);
  // Focus moves only after the person acted here, never on first render.
  const [acted, setActed] = useState(false);
  const picked = useRef<HTMLDivElement>(null);
  // A new choice from outside (the URL, a suggested move) closes or opens the search.
  const [shownChoice, setShownChoice] = useState(chosen);
  if (shownChoice !== chosen) {
    setShownChoice(chosen);
    setEditing(!chosen);
  }
  useEffect(() => {
    if (acted && !editing) picked.current?.focus();
  }, [acted, editing, chosen]);

  if (chosen && !editing) {
    return (
      <div className="picked" ref={picked} tabIndex={-1}>
        <span className="picked-label">{label}</span>
        <strong>
          <FamilyDot family={chosen.family.code} />
          {chosen.title} <span className="code">{chosen.code}</span>
        </strong>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setActed(true);
            setEditing(true);
          }}
        >
          Change<span className="visually-hidden"> {label.toLowerCase()}</span>
        </button>
      </div>
    );
  }
  const choose = (code: string) => {
    setActed(true);
    onChange(code);
    setEditing(false);
  };
  return <RoleSearch label={label} onChoose={choose} exclude={exclude} focus={acted} browse={browse} />;
}

interface SearchProps {
  label: string;
  onChoose: (code: string) => void;
  exclude?: string;
  /** Put the cursor in the search box (after "Change"). */
  focus: boolean;
  browse: boolean;
}

function RoleSearch({ label, onChoose, exclude, focus, browse }: SearchProps) {
  const inputId = useId();
  const [text, setText] = useState("");
  const q = useDebounced(text.trim(), 200);
  // The last answer and the query it answers, shown until the next one arrives.
  const [answer, setAnswer] = useState<{ q: string; roles: RoleSummary[] | "failed" } | null>(null);

  useEffect(() => {
    if (!q) return;
    const controller = new AbortController();
    api.roles(q, controller.signal).then(
      (roles) => setAnswer({ q, roles }),
      () => {
        if (!controller.signal.aborted) setAnswer({ q, roles: "failed" });
      },
    );
    return () => controller.abort();
  }, [q]);

  const current = q ? answer : null;
  const failed = current?.roles === "failed";
  const shown = current && current.roles !== "failed" ? current.roles.filter((r) => r.code !== exclude) : undefined;
  return (
    <div className="role-picker">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="A job title, e.g. analyst, architect"
        autoComplete="off"
        autoFocus={focus}
      />
      <div aria-live="polite" className="picker-results">
        {failed && (
          <p className="hint">The search is not answering{browse ? "; browse the families below instead" : ""}.</p>
        )}
        {shown && shown.length === 0 && (
          <p className="hint">
            No role matches “{current?.q}”. Try another word{browse ? ", or browse the families below" : ""}.
          </p>
        )}
        {shown && shown.length > 0 && (
          <>
            <p className="visually-hidden">{plural(shown.length, "role")} found</p>
            <RoleButtons key={q} roles={shown} onChoose={onChoose} showAltTitles query={q} />
          </>
        )}
      </div>
      {browse && <FamilyBrowser onChoose={onChoose} exclude={exclude} />}
    </div>
  );
}

function FamilyBrowser({ onChoose, exclude }: { onChoose: (code: string) => void; exclude?: string }) {
  const catalogue = useCatalogue();
  return (
    <div className="family-browser">
      <p className="hint">Or browse the {plural(catalogue.families.length, "family", "families")}:</p>
      <CappedList
        items={catalogue.families}
        keyOf={(family) => family.code}
        className="family-options"
        noun="family"
        step={40}
        render={(family) => <FamilyOptions family={family} onChoose={onChoose} exclude={exclude} />}
      />
    </div>
  );
}

/** One family, folded; its roles are rendered once it is opened. */
function FamilyOptions({
  family,
  onChoose,
  exclude,
}: {
  family: { code: string; name: string };
  onChoose: (code: string) => void;
  exclude?: string;
}) {
  const catalogue = useCatalogue();
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(event: SyntheticEvent<HTMLDetailsElement>) => setOpen(event.currentTarget.open)}>
      <summary>
        <FamilyDot family={family.code} />
        {family.name}
      </summary>
      {open && (
        <RoleButtons
          roles={rolesOfFamily(catalogue, family.code).filter((r) => r.code !== exclude)}
          onChoose={onChoose}
        />
      )}
    </details>
  );
}

interface RoleButtonsProps {
  roles: RoleSummary[];
  onChoose: (code: string) => void;
  showAltTitles?: boolean;
  query?: string;
}

function RoleButtons({ roles, onChoose, showAltTitles = false, query = "" }: RoleButtonsProps) {
  const matchingAlt = (role: RoleSummary) =>
    role.alt_titles.filter((t) => t.toLowerCase().includes(query.toLowerCase())).slice(0, 2);
  return (
    <CappedList
      items={roles}
      keyOf={(role) => role.code}
      className="role-options"
      noun="role"
      step={20}
      render={(role) => (
        <button type="button" className="role-option" onClick={() => onChoose(role.code)}>
          <FamilyDot family={role.family.code} />
          {role.title} <span className="code">{role.code}</span>
          {showAltTitles && matchingAlt(role).length > 0 && (
            <span className="alt-titles">also called {matchingAlt(role).join(", ")}</span>
          )}
        </button>
      )}
    />
  );
}
