/** A plain list of role links, e.g. the roles of one family. */
import type { RoleRef } from "../api";
import { RoleLink } from "./RoleLink";

export function RoleList({ roles }: { roles: RoleRef[] }) {
  return (
    <ul>
      {roles.map((r) => (
        <li key={r.code}>
          <RoleLink code={r.code} />
        </li>
      ))}
    </ul>
  );
}
