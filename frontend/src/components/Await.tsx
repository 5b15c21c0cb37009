/** Renders a resource: a loading line, an error with what to do, or the data. */
import type { ReactNode } from "react";
import type { Suggestion } from "../api";
import type { Resource } from "../lib/useResource";
import { Loading } from "./Loading";
import { ProblemView } from "./ProblemView";

interface Props<T> {
  resource: Resource<T>;
  what: string;
  suggestionHref?: (suggestion: Suggestion) => string;
  /** 1 when the resource is the whole screen, so an error carries the page's heading. */
  level?: 1 | 2;
  children: (data: T) => ReactNode;
}

export function Await<T>({ resource, what, suggestionHref, level, children }: Props<T>) {
  switch (resource.state) {
    case "loading":
      return <Loading what={what} />;
    case "error":
      return (
        <ProblemView error={resource.error} retry={resource.retry} suggestionHref={suggestionHref} level={level} />
      );
    case "ready":
      return <>{children(resource.data)}</>;
  }
}
