import { act, renderHook, waitFor } from "@testing-library/react";
import { useLayoutEffect } from "react";
import { describe, expect, it, vi } from "vitest";
import { useResource, type Resource } from "./useResource";

describe("useResource", () => {
  it("is loading, then ready with the data", async () => {
    const { result } = renderHook(() => useResource(() => Promise.resolve(42), []));
    expect(result.current.state).toBe("loading");
    await waitFor(() => expect(result.current).toEqual({ state: "ready", data: 42 }));
  });

  it("reports an error with a retry that asks again", async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error("down")).mockResolvedValueOnce("up");
    const { result } = renderHook(() => useResource(load, []));
    await waitFor(() => expect(result.current.state).toBe("error"));
    const current = result.current;
    if (current.state !== "error") throw new Error("expected an error");
    expect((current.error as Error).message).toBe("down");
    act(() => current.retry());
    await waitFor(() => expect(result.current).toEqual({ state: "ready", data: "up" }));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("loads again when its dependencies change, and aborts the stale request", async () => {
    const signals: AbortSignal[] = [];
    const { result, rerender } = renderHook(
      ({ key }) =>
        useResource(
          (signal) => {
            signals.push(signal);
            return Promise.resolve(key);
          },
          [key],
        ),
      { initialProps: { key: "a" } },
    );
    rerender({ key: "b" });
    await waitFor(() => expect(result.current).toEqual({ state: "ready", data: "b" }));
    expect(signals[0]?.aborted).toBe(true);
  });

  it("shows loading, never the previous answer, from the render with new dependencies", async () => {
    const shown: [string, Resource<string>][] = [];
    const { result, rerender } = renderHook(
      ({ key }) => {
        const resource = useResource(
          () => (key === "a" ? Promise.resolve(key) : new Promise<string>(() => undefined)),
          [key],
        );
        // What each committed render shows (a render React discards shows nothing).
        useLayoutEffect(() => {
          shown.push([key, resource]);
        });
        return resource;
      },
      { initialProps: { key: "a" } },
    );
    await waitFor(() => expect(result.current).toEqual({ state: "ready", data: "a" }));
    rerender({ key: "b" });
    expect(shown.filter(([key]) => key === "b").map(([, resource]) => resource.state)).toEqual(["loading"]);
  });
});
