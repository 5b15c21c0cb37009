/** Compare against the target's entry levels (the low end of each requirement) or its mastery levels. */
import type { Basis } from "../api";

export function BasisToggle({ basis, onChange }: { basis: Basis; onChange: (basis: Basis) => void }) {
  const options: { value: Basis; label: string; hint: string }[] = [
    { value: "entry", label: "Entry level", hint: "the lowest level the role sheet states" },
    { value: "mastery", label: "Mastery", hint: "the highest level the role sheet states" },
  ];
  return (
    <fieldset className="segmented">
      <legend>Compare against the target’s</legend>
      {options.map((o) => (
        <label key={o.value} title={o.hint}>
          <input
            type="radio"
            name="basis"
            value={o.value}
            checked={basis === o.value}
            onChange={() => onChange(o.value)}
          />
          <span>
            {o.label} <span className="hint">({o.hint})</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
