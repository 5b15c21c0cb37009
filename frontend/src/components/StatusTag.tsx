/** Gap status with an icon and a word, never by colour alone. */
import type { GapStatus } from "../api";
import { STATUS_TEXT } from "../lib/format";

export function StatusTag({ status }: { status: GapStatus }) {
  const { label, icon, explain } = STATUS_TEXT[status];
  return (
    <span className={`status status-${status}`} title={explain}>
      <span aria-hidden="true" className="status-icon">
        {icon}
      </span>{" "}
      {label}
    </span>
  );
}
