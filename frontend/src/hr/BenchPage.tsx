/** Bench strength for every role (`/hr`), thinnest bench first or in the catalogue's order. */
import { useSearchParams } from "react-router";
import { Await } from "../components/Await";
import { useResource } from "../lib/useResource";
import { useTitle } from "../lib/useTitle";
import { BenchBars } from "./BenchBars";
import { EmptyWorkforce } from "./EmptyWorkforce";
import { parseThreshold, percent, thinnestFirst } from "./format";
import { useWorkforce } from "./key";
import { ThresholdPicker } from "./ThresholdPicker";

export function BenchPage() {
  useTitle("Bench strength");
  const client = useWorkforce();
  const [params, setParams] = useSearchParams();
  const threshold = parseThreshold(params.get("threshold"));
  const byCatalogue = params.get("order") === "catalogue";
  const board = useResource((signal) => client.bench(threshold, signal), [client, threshold]);
  return (
    <div className="hr-page">
      <h1>Bench strength</h1>
      <p className="lead">
        For each role: the people outside it who are ready now (they hold everything it requires, at its entry levels)
        or ready soon (they cover most of it). Select a role to see its candidates.
      </p>
      <div className="hr-options">
        <ThresholdPicker threshold={threshold} />
        <label className="hr-option">
          Order{" "}
          <select
            value={byCatalogue ? "catalogue" : ""}
            onChange={(event) => {
              const next = new URLSearchParams(params);
              if (event.target.value) next.set("order", event.target.value);
              else next.delete("order");
              setParams(next, { replace: true });
            }}
          >
            <option value="">thinnest bench first</option>
            <option value="catalogue">catalogue order</option>
          </select>
        </label>
      </div>
      <Await resource={board} what="the bench strength of every role">
        {(data) =>
          data.people === 0 ? (
            <EmptyWorkforce what="bench strength" />
          ) : (
            <>
              <p className="hint" data-testid="bench-summary">
                {data.people} people; ready soon from {percent(data.threshold)} readiness.
              </p>
              <BenchBars roles={byCatalogue ? data.roles : thinnestFirst(data.roles)} />
            </>
          )
        }
      </Await>
    </div>
  );
}
