/** One role's bench (`/hr/roles/:code`): counts, candidates best first, the best single raise. */
import { useParams, useSearchParams } from "react-router";
import { Link } from "../lib/links";
import { Await } from "../components/Await";
import { useCatalogue } from "../context";
import { roleTitle } from "../lib/catalogue";
import { levelLabel } from "../lib/levels";
import { useResource } from "../lib/useResource";
import { useTitle } from "../lib/useTitle";
import type { BenchStrength, BestRaise } from "./api";
import { drawn, figure, parseThreshold, percent } from "./format";
import { useWorkforce } from "./key";
import { ThresholdPicker } from "./ThresholdPicker";

const SHOWN = 50;

export function CandidatesPage() {
  const { code = "" } = useParams();
  const catalogue = useCatalogue();
  const title = roleTitle(catalogue, code);
  useTitle(`Bench for ${title}`);
  const client = useWorkforce();
  const [params] = useSearchParams();
  const threshold = parseThreshold(params.get("threshold"));
  const bench = useResource((signal) => client.role(code, threshold, SHOWN, signal), [client, code, threshold]);
  const best = useResource((signal) => client.bestRaise(code, threshold, signal), [client, code, threshold]);
  return (
    <div className="hr-page">
      <p className="eyebrow">
        <Link to="/hr">Bench strength</Link> / {code}
      </p>
      <h1>Bench for {title}</h1>
      <div className="hr-options">
        <ThresholdPicker threshold={threshold} />
      </div>
      <Await resource={bench} what="this role's bench" level={1}>
        {(data) => <Candidates bench={data} />}
      </Await>
      <Await resource={best} what="the best single raise">
        {(data) => <BestRaiseCard best={data} />}
      </Await>
    </div>
  );
}

function Candidates({ bench }: { bench: BenchStrength }) {
  return (
    <section aria-labelledby="candidates-title">
      <p className="hr-counts" data-testid="bench-counts">
        <strong>{figure(bench.holders)}</strong> hold it · <strong>{figure(bench.ready_now)}</strong> ready now ·{" "}
        <strong>{figure(bench.ready_soon)}</strong> ready soon (from {percent(bench.threshold)})
      </p>
      <h2 id="candidates-title">Candidates</h2>
      {bench.candidates.length === 0 && bench.candidates_total !== 0 ? (
        <p data-testid="candidates-withheld">
          {figure(bench.candidates_total)} candidates. Who they are is shown to data stewards only (a key with the
          steward scope, docs/workforce.md).
        </p>
      ) : bench.candidates.length === 0 ? (
        <p>No one outside this role is ready now or soon.</p>
      ) : (
        <>
          <div className="table-scroll" role="region" aria-label="The candidates (scrolls sideways)" tabIndex={0}>
            <table className="hr-table">
              <caption className="visually-hidden">Candidates by readiness, then fewer level steps</caption>
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Unit</th>
                  <th scope="col">Holds now</th>
                  <th scope="col">Readiness</th>
                  <th scope="col">Level steps to go</th>
                </tr>
              </thead>
              <tbody>
                {bench.candidates.map((c) => (
                  <tr key={c.person} data-person={c.person}>
                    <td>{c.person}</td>
                    <td>{c.unit ?? "—"}</td>
                    <td>{c.role ? `${c.role.title} (${c.role.code})` : "—"}</td>
                    <td>
                      {percent(c.readiness)} {c.status === "ready_now" ? "(ready now)" : "(ready soon)"}
                    </td>
                    <td>{c.level_steps}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {drawn(bench.candidates_total) > bench.candidates.length && (
            <p className="hint">
              The first {bench.candidates.length} of {figure(bench.candidates_total)} candidates.
            </p>
          )}
        </>
      )}
    </section>
  );
}

function BestRaiseCard({ best }: { best: BestRaise }) {
  const raise = best.best;
  const { scale } = useCatalogue();
  return (
    <section className="card hr-best" aria-labelledby="best-title">
      <h2 id="best-title">Best single raise</h2>
      {raise ? (
        <>
          <p data-testid="best-raise">
            Raising <strong>{raise.competence.title}</strong> ({raise.competence.code}) to{" "}
            <strong>{levelLabel(scale, raise.level)}</strong> for every candidate makes{" "}
            <strong>{raise.ready_now_added}</strong> more ready now ({raise.level_steps} level steps in all).
          </p>
        </>
      ) : (
        <p data-testid="best-raise">None: {best.reason}.</p>
      )}
    </section>
  );
}
