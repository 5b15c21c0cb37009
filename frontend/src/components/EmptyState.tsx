/** A screen with nothing to show yet says why, and leads back to the start with what it had. */
import { Link } from "../lib/links";

interface Props {
  title: string;
  message: string;
  /** The start page to go back to, e.g. `/?from=3.2` to keep a role already chosen. */
  start?: string;
}

export function EmptyState({ title, message, start = "/" }: Props) {
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h1 id="empty-title">{title}</h1>
      <p>{message}</p>
      <p>
        <Link className="button" to={start}>
          Choose roles on the start page
        </Link>
      </p>
    </section>
  );
}
