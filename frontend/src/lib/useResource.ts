/**
 * Loads something from the API for a component: loading, error (with retry) or data.
 *
 * Called like an effect, `useResource(load, deps)`; ESLint checks the `deps` of
 * every call (`additionalHooks` in eslint.config.js).
 */
import { useCallback, useEffect, useState } from "react";

export type Resource<T> =
  { state: "loading" } | { state: "error"; error: unknown; retry: () => void } | { state: "ready"; data: T };

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [attempt, setAttempt] = useState(0);
  const [resource, setResource] = useState<Resource<T>>({ state: "loading" });
  const [loadedFor, setLoadedFor] = useState(deps);
  // New deps mean new data: loading from this render on, never the previous answer.
  if (!sameDeps(loadedFor, deps)) {
    setLoadedFor(deps);
    setResource({ state: "loading" });
  }
  const retry = useCallback(() => {
    setResource({ state: "loading" });
    setAttempt((n) => n + 1);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ state: "ready", data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResource({ state: "error", error, retry });
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure each render and `deps` says when it really changes; the
    // rule cannot follow a spread, so it checks `deps` where useResource is called instead.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt, retry]);

  return resource;
}
