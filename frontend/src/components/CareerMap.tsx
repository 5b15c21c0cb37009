/**
 * The career map: roles as nodes coloured by family, career links as arcs.
 * Drag to pan, wheel or buttons to zoom; each role is a link to its sheet, so
 * Tab and Enter work too. A highlighted path is drawn bold, the rest fades.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import type { GraphAnswer, Family } from "../api";
import { LABEL_LINE_HEIGHT, labelWidth, MapNode, NODE_RADIUS } from "./MapNode";
import { arcPath, layoutGraph, linkKey, pathLinkKeys, placeLabels, type Point } from "../lib/mapLayout";
import { IDENTITY, panBy, transformOf, zoomAt, type View } from "../lib/viewport";

const WIDTH = 1100;
const HEIGHT = 820;
const PAN_STEP = 60;

/** Keys that move the view: arrows pan, + and - zoom, 0 resets. */
const KEY_ACTIONS: Record<string, (view: View) => View> = {
  ArrowLeft: (v) => panBy(v, PAN_STEP, 0),
  ArrowRight: (v) => panBy(v, -PAN_STEP, 0),
  ArrowUp: (v) => panBy(v, 0, PAN_STEP),
  ArrowDown: (v) => panBy(v, 0, -PAN_STEP),
  "+": (v) => zoomAt(v, 1.3, WIDTH / 2, HEIGHT / 2),
  "=": (v) => zoomAt(v, 1.3, WIDTH / 2, HEIGHT / 2),
  "-": (v) => zoomAt(v, 1 / 1.3, WIDTH / 2, HEIGHT / 2),
  "0": () => IDENTITY,
};

interface Props {
  graph: GraphAnswer;
  families: Family[];
  path: string[];
  /** Hide inferred links, except those of the highlighted path. */
  onlyDocumented: boolean;
}

export function CareerMap({ graph, families, path, onlyDocumented }: Props) {
  const positions = useMemo(() => layoutGraph(graph, { width: WIDTH, height: HEIGHT }), [graph]);
  const sides = useMemo(
    () =>
      placeLabels(positions, new Map(graph.nodes.map((n) => [n.code, labelWidth(n.title)])), {
        radius: NODE_RADIUS,
        lineHeight: LABEL_LINE_HEIGHT,
      }),
    [graph, positions],
  );
  const [view, setView] = useState<View>(IDENTITY);
  const [hovered, setHovered] = useState<string | null>(null);
  // A single highlighted role (from its sheet) shows its moves like a hovered one.
  const focus = hovered ?? (path.length === 1 ? (path[0] ?? null) : null);
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const onPath = useMemo(() => pathLinkKeys(path), [path]);
  const titleOf = (code: string) => graph.nodes.find((n) => n.code === code)?.title ?? code;
  const familyName = (code: string) => families.find((f) => f.code === code)?.name ?? `Family ${code}`;

  /** How many viewBox units one screen pixel is. */
  const unitsPerPixel = () => WIDTH / (svgRef.current?.clientWidth || WIDTH);

  // Where the map scrolls (phones), bring a highlighted path into view.
  useEffect(() => {
    const svg = svgRef.current;
    const scroller = svg?.parentElement;
    const points = path.map((code) => positions.get(code)).filter((p): p is Point => p !== undefined);
    if (!svg || !scroller || points.length === 0) return;
    const centre = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const scale = svg.clientWidth / WIDTH;
    scroller.scrollLeft = centre(points.map((p) => p.x)) * scale - scroller.clientWidth / 2;
    scroller.scrollTop = centre(points.map((p) => p.y)) * scale - scroller.clientHeight / 2;
  }, [path, positions]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = svg.getBoundingClientRect();
      const scale = WIDTH / rect.width;
      const factor = event.deltaY < 0 ? 1.15 : 1 / 1.15;
      setView((v) => zoomAt(v, factor, (event.clientX - rect.left) * scale, (event.clientY - rect.top) * scale));
    };
    svg.addEventListener("wheel", onWheel, { passive: false });
    return () => svg.removeEventListener("wheel", onWheel);
  }, []);

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    drag.current = { x: event.clientX, y: event.clientY, moved: false };
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const start = drag.current;
    if (!start) return;
    const [dx, dy] = [event.clientX - start.x, event.clientY - start.y];
    if (!start.moved && Math.hypot(dx, dy) < 4) return; // a click, not a drag
    if (!start.moved) event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, y: event.clientY, moved: true };
    setView((v) => panBy(v, dx * unitsPerPixel(), dy * unitsPerPixel()));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  const zoomCentre = (factor: number) => setView((v) => zoomAt(v, factor, WIDTH / 2, HEIGHT / 2));
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const action = KEY_ACTIONS[event.key];
    if (!action) return;
    event.preventDefault();
    setView(action);
  };

  const active = (source: string, target: string) =>
    onPath.has(linkKey(source, target)) || (focus !== null && (source === focus || target === focus));
  const dimmed = path.length > 0 || focus !== null;

  return (
    <div className="career-map">
      <div className="map-controls" role="toolbar" aria-label="Zoom">
        <button type="button" onClick={() => zoomCentre(1.3)} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => zoomCentre(1 / 1.3)} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={() => setView(IDENTITY)}>
          Reset view
        </button>
      </div>
      <div className="map-scroll">
        <svg
          ref={svgRef}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="group"
          tabIndex={0}
          aria-label="Career map: roles coloured by family, arrows are career moves. Arrow keys move the view, plus and minus zoom, 0 resets."
          onKeyDown={onKeyDown}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onClickCapture={(event) => {
            if (drag.current?.moved) event.preventDefault();
          }}
        >
          <defs>
            {(["plain", "active"] as const).map((kind) => (
              <marker
                key={kind}
                id={`arrow-${kind}`}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="6"
                markerHeight="6"
                orient="auto-start-reverse"
              >
                <path d="M0,0 L10,5 L0,10 z" className={`arrow-${kind}`} />
              </marker>
            ))}
          </defs>
          <g transform={transformOf(view)}>
            <g className="links">
              {graph.links.map((link) => {
                if (onlyDocumented && link.kind !== "documented" && !onPath.has(linkKey(link.source, link.target))) {
                  return null;
                }
                const [a, b] = [positions.get(link.source), positions.get(link.target)];
                if (!a || !b) return null;
                const on = active(link.source, link.target);
                return (
                  <path
                    key={linkKey(link.source, link.target)}
                    d={arcPath(a, b, NODE_RADIUS + 2)}
                    className={`link link-${link.kind}${on ? " active" : dimmed ? " dim" : ""}`}
                    markerEnd={`url(#arrow-${on ? "active" : "plain"})`}
                    data-link={linkKey(link.source, link.target)}
                  >
                    <title>{`${titleOf(link.source)} → ${titleOf(link.target)}: ${link.kind}, ${link.evidence}`}</title>
                  </path>
                );
              })}
            </g>
            <g className="nodes">
              {graph.nodes.map((node) => (
                <MapNode
                  key={node.code}
                  node={node}
                  at={positions.get(node.code)}
                  side={sides.get(node.code) ?? "below"}
                  familyName={familyName(node.family_code)}
                  highlighted={path.includes(node.code) || focus === node.code}
                  dim={dimmed && !path.includes(node.code) && focus !== node.code}
                  onFocus={setHovered}
                />
              ))}
            </g>
          </g>
        </svg>
      </div>
    </div>
  );
}
