/**
 * A head start for the self-assessment: fill in the entry levels of a role one
 * has held, then adjust. Competences the role does not require keep their rating.
 * The role is found by search or by family, as anywhere else, so it works with
 * catalogues of thousands of roles.
 */
import { useState, type FormEvent } from "react";
import { api, type Profile } from "../api";
import { holdingsOfRole } from "../lib/profile";
import { RolePicker } from "./RolePicker";

export function ProfileFromRole({ onFill }: { onFill: (levels: Profile, roleTitle: string) => void }) {
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
      <RolePicker label="Start from a role I have held" value={code} onChange={setCode} />
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
