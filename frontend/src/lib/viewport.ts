/** Zoom and pan of the career map, as pure arithmetic on a view transform. */

export interface View {
  x: number;
  y: number;
  k: number;
}

export const IDENTITY: View = { x: 0, y: 0, k: 1 };
export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 4;

/** Zooms by `factor` keeping the point (px, py), in view coordinates, where it is. */
export function zoomAt(view: View, factor: number, px: number, py: number): View {
  const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.k * factor));
  const ratio = k / view.k;
  return { k, x: px - (px - view.x) * ratio, y: py - (py - view.y) * ratio };
}

export function panBy(view: View, dx: number, dy: number): View {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

export function transformOf(view: View): string {
  return `translate(${view.x.toFixed(2)} ${view.y.toFixed(2)}) scale(${view.k.toFixed(4)})`;
}
