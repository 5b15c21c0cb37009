/** Which dataset the screens show, when the service holds more than one; the choice goes into the URL. */
import { useId } from "react";
import { useLocation, useNavigate } from "react-router";
import type { DatasetInfo } from "../api";
import { DATASET_CHOSEN, switchDatasetHref } from "../lib/datasetUrl";

export function DatasetPicker({ datasets, current }: { datasets: DatasetInfo[]; current: DatasetInfo | undefined }) {
  const id = useId();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  if (datasets.length < 2) return null;
  const choose = (chosen: string) => {
    const dataset = datasets.find((d) => d.id === chosen);
    if (!dataset) return;
    // Codes belong to one dataset: the picker leads to the same section, not the same role.
    void navigate(switchDatasetHref(pathname, dataset.default ? null : dataset.id), { state: DATASET_CHOSEN });
  };
  return (
    <div className="dataset-picker">
      <label htmlFor={id}>Dataset</label>
      <select id={id} value={current?.id ?? ""} onChange={(event) => choose(event.target.value)}>
        {!current && <option value="">Choose a dataset…</option>}
        {datasets.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
    </div>
  );
}
