import { describe, expect, it } from "vitest";
import { IDENTITY, MAX_ZOOM, MIN_ZOOM, panBy, transformOf, zoomAt } from "./viewport";

/** Where a map point lands on screen under a view. */
const project = (view: { x: number; y: number; k: number }, px: number, py: number) => ({
  x: view.x + px * view.k,
  y: view.y + py * view.k,
});

describe("map viewport", () => {
  it("zooms around the pointer, which stays put", () => {
    const view = zoomAt(IDENTITY, 2, 300, 200);
    expect(view.k).toBe(2);
    expect(project(view, 300, 200)).toEqual({ x: 300, y: 200 });
    const again = zoomAt(view, 1.5, 100, 50);
    const before = { x: (100 - view.x) / view.k, y: (50 - view.y) / view.k };
    const after = project(again, before.x, before.y);
    expect(after.x).toBeCloseTo(100, 9);
    expect(after.y).toBeCloseTo(50, 9);
  });

  it("clamps the zoom", () => {
    expect(zoomAt(IDENTITY, 100, 0, 0).k).toBe(MAX_ZOOM);
    expect(zoomAt(IDENTITY, 0.01, 0, 0).k).toBe(MIN_ZOOM);
  });

  it("pans and writes an SVG transform", () => {
    const view = panBy({ x: 1, y: 2, k: 1.5 }, 10, -5);
    expect(view).toEqual({ x: 11, y: -3, k: 1.5 });
    expect(transformOf(view)).toBe("translate(11.00 -3.00) scale(1.5000)");
  });
});
