/** How ready "ready soon" means, as a URL parameter (`?threshold=0.7`; none: the service's). */
import { useSearchParams } from "react-router";
import { percent } from "./format";

const CHOICES = [0.6, 0.7, 0.8, 0.9];

export function ThresholdPicker({ threshold }: { threshold: number | undefined }) {
  const [params, setParams] = useSearchParams();
  return (
    <label className="hr-option">
      Ready soon from{" "}
      <select
        value={threshold ?? ""}
        onChange={(event) => {
          const next = new URLSearchParams(params);
          if (event.target.value) next.set("threshold", event.target.value);
          else next.delete("threshold");
          setParams(next, { replace: true });
        }}
      >
        <option value="">the service&apos;s setting</option>
        {CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {percent(choice)} readiness
          </option>
        ))}
      </select>
    </label>
  );
}
