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
  children: (data: T) => ReactNode;
}

export function Await<T>({ resource, what, suggestionHref, children }: Props<T>) {
  switch (resource.state) {
    case "loading":
      return <Loading what={what} />;
    case "error":
      return <ProblemView error={resource.error} retry={resource.retry} suggestionHref={suggestionHref} />;
    case "ready":
      return <>{children(resource.data)}</>;
  }
}
