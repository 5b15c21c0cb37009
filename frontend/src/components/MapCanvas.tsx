/**
 * Draws a scene of the career map: nodes coloured by family, moves as arcs.
 * Drag to pan, wheel or buttons to zoom; each node is a link, so Tab and Enter
 * work too; arrow keys pan, + and - zoom, 0 resets. Highlighted nodes and moves
 * are drawn bold and the rest fades; so do a hovered or focused node's moves.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { arcPath, linkKey } from "../lib/mapLayout";
import type { Scene, SceneNode } from "../lib/mapScene";
import { IDENTITY, panBy, transformOf, zoomAt, type View } from "../lib/viewport";
import { useCatalogue } from "../context";
import { MapNode } from "./MapNode";
import { FamilyDot } from "./Swatches";

const PAN_STEP = 60;

interface Props {
  scene: Scene;
  /** What the map shows, for screen readers (the keys are added). */
  label: string;
  /** Node ids and `a>b` move keys drawn bold. */
  highlightNodes?: ReadonlySet<string>;
  highlightEdges?: ReadonlySet<string>;
  /** Where a map that scrolls (phones) opens: these nodes, else the highlighted ones. */
  scrollTo?: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();

/** An edge standing for several moves is drawn thicker, slowly (a log scale). */
const edgeWidth = (count: number, active: boolean): number | undefined =>
  count > 1 ? Math.max(active ? 3.5 : 0, 1 + Math.log2(count)) : undefined;

export function MapCanvas({ scene, label, highlightNodes = NONE, highlightEdges = NONE, scrollTo }: Props) {
  const { width, height } = scene;
  const [view, setView] = useState<View>(IDENTITY);
  const [hovered, setHovered] = useState<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const byId = useMemo(() => new Map(scene.nodes.map((n) => [n.id, n])), [scene]);

  /** How many viewBox units one screen pixel is. */
  const unitsPerPixel = () => width / (svgRef.current?.clientWidth || width);

  // Where the map scrolls (phones), bring the nodes that matter into view.
  const inView = scrollTo ?? highlightNodes;
  useEffect(() => {
    const svg = svgRef.current;
    const scroller = svg?.parentElement;
    const points = [...inView].map((id) => byId.get(id)).filter((n) => n !== undefined);
    if (!svg || !scroller || points.length === 0) return;
    const centre = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const scale = svg.clientWidth / width;
    // A label beside its dot comes into view with it: the middle of dot and label.
    const across = (p: SceneNode) => p.x + (p.side === "right" ? 1 : p.side === "left" ? -1 : 0) * (p.labelWidth / 2);
    scroller.scrollLeft = centre(points.map(across)) * scale - scroller.clientWidth / 2;
    scroller.scrollTop = centre(points.map((p) => p.y)) * scale - scroller.clientHeight / 2;
  }, [inView, byId, width]);

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = svg.getBoundingClientRect();
      const scale = width / rect.width;
      const factor = event.deltaY < 0 ? 1.15 : 1 / 1.15;
      setView((v) => zoomAt(v, factor, (event.clientX - rect.left) * scale, (event.clientY - rect.top) * scale));
    };
    svg.addEventListener("wheel", onWheel, { passive: false });
    return () => svg.removeEventListener("wheel", onWheel);
  }, [width]);

  const keyActions: Record<string, (view: View) => View> = {
    ArrowLeft: (v) => panBy(v, PAN_STEP, 0),
    ArrowRight: (v) => panBy(v, -PAN_STEP, 0),
    ArrowUp: (v) => panBy(v, 0, PAN_STEP),
    ArrowDown: (v) => panBy(v, 0, -PAN_STEP),
    "+": (v) => zoomAt(v, 1.3, width / 2, height / 2),
    "=": (v) => zoomAt(v, 1.3, width / 2, height / 2),
    "-": (v) => zoomAt(v, 1 / 1.3, width / 2, height / 2),
    "0": () => IDENTITY,
  };
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
  const zoomCentre = (factor: number) => setView((v) => zoomAt(v, factor, width / 2, height / 2));
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const action = keyActions[event.key];
    if (!action) return;
    event.preventDefault();
    setView(action);
  };

  const active = (source: string, target: string) =>
    highlightEdges.has(linkKey(source, target)) || (hovered !== null && (source === hovered || target === hovered));
  const dimmed = highlightNodes.size > 0 || highlightEdges.size > 0 || hovered !== null;

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
          viewBox={`0 0 ${width} ${height}`}
          // Never drawn much larger than its own size: a small scene stays at a readable scale.
          style={{ maxWidth: `${Math.round(width * 1.3)}px` }}
          role="group"
          tabIndex={0}
          aria-label={`${label} Arrow keys move the view, plus and minus zoom, 0 resets.`}
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
                markerUnits="userSpaceOnUse"
                markerWidth="9"
                markerHeight="9"
                orient="auto-start-reverse"
              >
                <path d="M0,0 L10,5 L0,10 z" className={`arrow-${kind}`} />
              </marker>
            ))}
          </defs>
          <g transform={transformOf(view)}>
            <g className="links">
              {scene.edges.map((edge) => {
                const [a, b] = [byId.get(edge.source), byId.get(edge.target)];
                if (!a || !b) return null;
                const on = active(edge.source, edge.target);
                const key = linkKey(edge.source, edge.target);
                return (
                  <path
                    key={key}
                    d={arcPath(a, b, a.radius + 2, b.radius + 2)}
                    className={`link link-${edge.kind}${edge.count > 1 ? " link-counted" : ""}${
                      on ? " active" : dimmed ? " dim" : ""
                    }`}
                    style={{ strokeWidth: edgeWidth(edge.count, on) }}
                    markerEnd={`url(#arrow-${on ? "active" : "plain"})`}
                    data-link={key}
                    data-count={edge.count}
                  >
                    <title>{edge.title}</title>
                  </path>
                );
              })}
            </g>
            <g className="nodes">
              {scene.nodes.map((node) => (
                <MapNode
                  key={node.id}
                  node={node}
                  highlighted={highlightNodes.has(node.id) || hovered === node.id}
                  dim={dimmed && !highlightNodes.has(node.id) && hovered !== node.id}
                  onFocus={setHovered}
                />
              ))}
            </g>
            <g className="notes">
              {scene.notes.map((note) => (
                <text key={`${note.x},${note.y}`} x={note.x} y={note.y} textAnchor={note.anchor} className="map-note">
                  {note.text}
                </text>
              ))}
            </g>
          </g>
        </svg>
      </div>
      <FamilyLegend scene={scene} />
    </div>
  );
}

/** The families of the roles drawn, so the colours can be read. */
function FamilyLegend({ scene }: { scene: Scene }) {
  const catalogue = useCatalogue();
  const drawn = new Set(scene.nodes.filter((n) => n.kind === "role").map((n) => n.family));
  const families = catalogue.families.filter((f) => drawn.has(f.code));
  if (families.length === 0) return null;
  return (
    <ul className="family-legend" aria-label="Families of the roles drawn">
      {families.map((family) => (
        <li key={family.code}>
          <FamilyDot family={family.code} />
          {family.name}
        </li>
      ))}
    </ul>
  );
}
