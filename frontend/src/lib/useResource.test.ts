import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useResource } from "./useResource";

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
});
