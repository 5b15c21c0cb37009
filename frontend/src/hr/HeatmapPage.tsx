/** The unit x competence heatmap (`/hr/heatmap`). */
import { Await } from "../components/Await";
import { useResource } from "../lib/useResource";
import { useTitle } from "../lib/useTitle";
import { EmptyWorkforce } from "./EmptyWorkforce";
import { HeatmapGrid } from "./HeatmapGrid";
import { useWorkforce } from "./key";

export function HeatmapPage() {
  useTitle("Competence heatmap");
  const client = useWorkforce();
  const heatmap = useResource((signal) => client.heatmap(signal), [client]);
  return (
    <div className="hr-page">
      <h1>Competence heatmap</h1>
      <p className="lead">
        For each unit and competence: among the unit&apos;s people whose role requires it, how many hold it at the level
        their role requires. Small groups are withheld so no one can be singled out.
      </p>
      <Await resource={heatmap} what="the heatmap">
        {(data) =>
          data.units.length > 0 ? (
            <HeatmapGrid heatmap={data} />
          ) : data.left_out > 0 ? (
            <p className="empty" data-testid="hr-empty">
              None of the {data.left_out} people loaded has both a unit and a role, so no cell can be counted: give them
              a unit and a role in the workforce file and import it again.
            </p>
          ) : (
            <EmptyWorkforce what="heatmap" />
          )
        }
      </Await>
    </div>
  );
}
