/** The unit x competence heatmap (`/hr/heatmap`). */
import { Await } from "../components/Await";
import { useResource } from "../lib/useResource";
import { useTitle } from "../lib/useTitle";
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
        {(data) => <HeatmapGrid heatmap={data} />}
      </Await>
    </div>
  );
}
