/** A screen with nothing to show yet says why and where to go. */
import { Link } from "react-router";

interface Props {
  title: string;
  message: string;
  action?: { to: string; label: string };
}

export function EmptyState({ title, message, action = { to: "/", label: "Choose roles on the start page" } }: Props) {
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h1 id="empty-title">{title}</h1>
      <p>{message}</p>
      <p>
        <Link className="button" to={action.to}>
          {action.label}
        </Link>
      </p>
    </section>
  );
}
