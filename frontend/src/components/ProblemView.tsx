/**
 * An API error (RFC 9457 problem) told in words, with what to do next: the
 * nearest matches when a code is unknown, a retry when the service is down.
 */
import type { ReactNode } from "react";
import { Link } from "../lib/links";
import { ApiError, type Suggestion } from "../api";
import { roleHref } from "../lib/urlState";

interface Props {
  error: unknown;
  retry?: () => void;
  /** Where a suggested code leads; a role sheet unless the screen knows better. */
  suggestionHref?: (suggestion: Suggestion) => string;
  /** 1 when the problem is all the screen shows, so it carries the page's heading. */
  level?: 1 | 2;
  children?: ReactNode;
}

export function ProblemView({ error, retry, suggestionHref = (s) => roleHref(s.code), level = 2, children }: Props) {
  const Heading = level === 1 ? "h1" : "h2";
  const problem = error instanceof ApiError ? error.problem : null;
  const title = problem?.title ?? "Something went wrong";
  const detail = problem?.detail ?? (error instanceof Error ? error.message : String(error));
  const suggestions = problem?.suggestions ?? [];
  const transient = !problem || problem.status === 0 || problem.status >= 500;
  return (
    <section className="problem" role="alert" aria-labelledby="problem-title">
      <Heading id="problem-title">{title}</Heading>
      {detail && <p>{detail}</p>}
      {suggestions.length > 0 && (
        <>
          <p>Nearest matches:</p>
          <ul className="suggestions">
            {suggestions.map((s) => (
              <li key={s.code}>
                <Link to={suggestionHref(s)}>
                  {s.title} <span className="code">{s.code}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {children}
      <p className="actions">
        {transient && retry && (
          <button type="button" onClick={retry}>
            Try again
          </button>
        )}
        <Link to="/">Start over</Link>
      </p>
    </section>
  );
}
