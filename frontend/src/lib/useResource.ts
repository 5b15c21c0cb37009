/** Loads something from the API for a component: loading, error (with retry) or data. */
import { useCallback, useEffect, useState } from "react";

export type Resource<T> =
  { state: "loading" } | { state: "error"; error: unknown; retry: () => void } | { state: "ready"; data: T };

export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [attempt, setAttempt] = useState(0);
  const [resource, setResource] = useState<Resource<T>>({ state: "loading" });
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setResource({ state: "loading" });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ state: "ready", data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResource({ state: "error", error, retry });
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure each render; `deps` says when it really changes.
  }, [...deps, attempt, retry]);

  return resource;
}
