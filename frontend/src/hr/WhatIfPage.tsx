/**
 * What-if (`/hr/what-if?raise=B2:3:role:3.2`): raises given to people, a role's holders or a
 * unit, and every role's bench before and after. The scenario lives in the URL.
 */
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { Await } from "../components/Await";
import { SearchSelect } from "../components/SearchSelect";
import { useCatalogue } from "../context";
import { levelLabel } from "../lib/levels";
import { useResource } from "../lib/useResource";
import { useTitle } from "../lib/useTitle";
import { useWorkforce } from "./key";
import { decodeRaise, describeTarget, encodeRaise, toRaise, type RaiseInput, type TargetKind } from "./raises";
import { WhatIfChart } from "./WhatIfChart";

export function WhatIfPage() {
  useTitle("What if");
  const { scale } = useCatalogue();
  const client = useWorkforce();
  const [params, setParams] = useSearchParams();
  const entries = params.getAll("raise");
  const raises = entries.map(decodeRaise).filter((r): r is RaiseInput => r !== null);
  const everyRole = params.get("all") === "1";
  const key = entries.join("|");
  const answer = useResource(
    (signal) => client.whatIf(raises.map(toRaise), signal),
    // `raises` is derived from `key` on every render
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, key],
  );
  const update = (next: RaiseInput[]) => {
    const query = new URLSearchParams(params);
    query.delete("raise");
    next.forEach((r) => query.append("raise", encodeRaise(r)));
    setParams(query);
  };
  return (
    <div className="hr-page">
      <h1>What if</h1>
      <p className="lead">
        Raise a competence to a level for some people, the holders of a role, or a unit, and see every role&apos;s bench
        strength before and after.
      </p>
      <RaiseForm onAdd={(r) => update([...raises, r])} />
      {raises.length > 0 && (
        <section aria-labelledby="raises-title">
          <h2 id="raises-title">Raises</h2>
          <ul className="hr-raises">
            {raises.map((r, i) => (
              <li key={`${encodeRaise(r)}-${i}`}>
                {r.competence} to {levelLabel(scale, r.level)} for {describeTarget(r)}{" "}
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => update(raises.filter((_, j) => j !== i))}
                  aria-label={`Remove the raise of ${r.competence} to ${levelLabel(scale, r.level)}`}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
          <label className="hr-option">
            <input
              type="checkbox"
              checked={everyRole}
              onChange={(event) => {
                const query = new URLSearchParams(params);
                if (event.target.checked) query.set("all", "1");
                else query.delete("all");
                setParams(query, { replace: true });
              }}
            />{" "}
            Show every role, not only those that change
          </label>
          <Await resource={answer} what="the scenario">
            {(data) => <WhatIfChart answer={data} everyRole={everyRole} />}
          </Await>
        </section>
      )}
    </div>
  );
}

function RaiseForm({ onAdd }: { onAdd: (raise: RaiseInput) => void }) {
  const catalogue = useCatalogue();
  const { scale } = catalogue;
  const [competence, setCompetence] = useState(catalogue.competences[0]?.code ?? "");
  const [level, setLevel] = useState(0);
  const [kind, setKind] = useState<TargetKind>("role");
  const [target, setTarget] = useState(catalogue.roles[0]?.code ?? "");
  const levels = catalogue.competences.find((c) => c.code === competence)?.levels ?? [];
  const chosenLevel = levels.includes(level) ? level : (levels[0] ?? 0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (competence && chosenLevel && target.trim()) {
      onAdd({ competence, level: chosenLevel, kind, target: target.trim() });
    }
  };
  const chooseKind = (next: TargetKind) => {
    setKind(next);
    setTarget(next === "role" ? (catalogue.roles[0]?.code ?? "") : "");
  };
  return (
    <form className="card hr-form" onSubmit={submit} aria-labelledby="raise-form-title">
      <h2 id="raise-form-title">Add a raise</h2>
      <div className="hr-fields">
        <label className="hr-option">
          <span id="raise-competence">Competence</span>
          <select
            aria-labelledby="raise-competence"
            value={competence}
            onChange={(event) => setCompetence(event.target.value)}
          >
            {catalogue.competences.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} {c.title}
              </option>
            ))}
          </select>
        </label>
        <label className="hr-option">
          <span id="raise-level">Level</span>
          <select
            aria-labelledby="raise-level"
            value={chosenLevel}
            onChange={(event) => setLevel(Number(event.target.value))}
          >
            {levels.map((n) => (
              <option key={n} value={n}>
                {levelLabel(scale, n)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="segmented">
        <legend>Given to</legend>
        {(
          [
            ["role", "the holders of a role"],
            ["unit", "a unit"],
            ["people", "some people"],
          ] as const
        ).map(([value, label]) => (
          <label key={value}>
            <input type="radio" name="target-kind" checked={kind === value} onChange={() => chooseKind(value)} />{" "}
            {label}
          </label>
        ))}
      </fieldset>
      {kind === "role" ? (
        <SearchSelect
          label="Role"
          noun="role"
          value={target}
          options={catalogue.roles.map((r) => ({ value: r.code, label: `${r.code} ${r.title}` }))}
          onChange={setTarget}
        />
      ) : (
        <label className="hr-option">
          <span id="raise-target">{kind === "unit" ? "Unit" : "Person ids (separated by commas or spaces)"}</span>
          <input
            aria-labelledby="raise-target"
            type="text"
            value={target}
            onChange={(event) => setTarget(event.target.value)}
          />
        </label>
      )}
      <p>
        <button type="submit" className="button" disabled={!chosenLevel || !target.trim()}>
          Add the raise
        </button>
      </p>
    </form>
  );
}
