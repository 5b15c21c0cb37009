/**
 * A head start for the self-assessment: fill in the entry levels of a role one
 * has held, then adjust. Competences the role does not require keep their rating.
 */
import { useId, useState, type FormEvent } from "react";
import { api, type Profile } from "../api";
import { useCatalogue } from "../context";
import { rolesOfFamily } from "../lib/catalogue";
import { holdingsOfRole } from "../lib/profile";

export function ProfileFromRole({ onFill }: { onFill: (levels: Profile, roleTitle: string) => void }) {
  const catalogue = useCatalogue();
  const selectId = useId();
  const [code, setCode] = useState("");
  const [state, setState] = useState<"idle" | "busy" | "failed">("idle");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!code) return;
    setState("busy");
    api.role(code).then(
      (role) => {
        onFill(holdingsOfRole(role.competences), role.title);
        setState("idle");
      },
      () => setState("failed"),
    );
  };

  return (
    <form className="profile-from-role" onSubmit={submit}>
      <label htmlFor={selectId}>Start from a role I have held</label>
      <select id={selectId} value={code} onChange={(event) => setCode(event.target.value)}>
        <option value="">Choose a role…</option>
        {catalogue.families.map((family) => (
          <optgroup key={family.code} label={family.name}>
            {rolesOfFamily(catalogue, family.code).map((role) => (
              <option key={role.code} value={role.code}>
                {role.title} ({role.code})
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <button type="submit" className="secondary" disabled={!code || state === "busy"}>
        Fill in its levels
      </button>
      {state === "failed" && (
        <p className="hint" role="alert">
          That role could not be loaded; try again.
        </p>
      )}
    </form>
  );
}
