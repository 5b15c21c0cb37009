/**
 * The career map: roles as nodes coloured by family, career links as arcs.
 * Drag to pan, wheel or buttons to zoom; each role is a link to its sheet, so
 * Tab and Enter work too. A highlighted path is drawn bold, the rest fades.
 */
import { useEffect, useMemo, useRef, useState, type PointerEvent } from "react";
import { Link } from "react-router";
import type { CareerGraph, Family, GraphNode } from "../api";
import { arcPath, layoutGraph, linkKey, pathLinkKeys, type Point } from "../lib/mapLayout";
import { familyColour } from "../lib/palette";
import { IDENTITY, panBy, transformOf, zoomAt, type View } from "../lib/viewport";
import { roleHref } from "../lib/urlState";

const WIDTH = 1100;
const HEIGHT = 820;
const RADIUS = 13;

interface Props {
  graph: CareerGraph;
  families: Family[];
  path: string[];
}

export function CareerMap({ graph, families, path }: Props) {
  const positions = useMemo(() => layoutGraph(graph, { width: WIDTH, height: HEIGHT }), [graph]);
  const [view, setView] = useState<View>(IDENTITY);
  const [focus, setFocus] = useState<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const onPath = useMemo(() => pathLinkKeys(path), [path]);
  const familyName = (n: number) => families.find((f) => f.number === n)?.name ?? `Family ${n}`;

  /** How many viewBox units one screen pixel is. */
  const unitsPerPixel = () => WIDTH / (svgRef.current?.clientWidth || WIDTH);

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
      <svg
        ref={svgRef}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-label="Career map: roles coloured by family, arrows are career moves"
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
            <marker key={kind} id={`arrow-${kind}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6"
              markerHeight="6" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" className={`arrow-${kind}`} />
            </marker>
          ))}
        </defs>
        <g transform={transformOf(view)}>
          <g className="links">
            {graph.links.map((link) => {
              const [a, b] = [positions.get(link.source), positions.get(link.target)];
              if (!a || !b) return null;
              const on = active(link.source, link.target);
              return (
                <path
                  key={linkKey(link.source, link.target)}
                  d={arcPath(a, b, RADIUS + 2)}
                  className={`link link-${link.kind}${on ? " active" : dimmed ? " dim" : ""}`}
                  markerEnd={`url(#arrow-${on ? "active" : "plain"})`}
                  data-link={linkKey(link.source, link.target)}
                />
              );
            })}
          </g>
          <g className="nodes">
            {graph.nodes.map((node) => (
              <MapNode
                key={node.code}
                node={node}
                at={positions.get(node.code)}
                familyName={familyName(node.family)}
                highlighted={path.includes(node.code) || focus === node.code}
                dim={dimmed && !path.includes(node.code) && focus !== node.code}
                onFocus={setFocus}
              />
            ))}
          </g>
        </g>
      </svg>
    </div>
  );
}

interface NodeProps {
  node: GraphNode;
  at: Point | undefined;
  familyName: string;
  highlighted: boolean;
  dim: boolean;
  onFocus: (code: string | null) => void;
}

function MapNode({ node, at, familyName, highlighted, dim, onFocus }: NodeProps) {
  if (!at) return null;
  return (
    <Link
      to={roleHref(node.code)}
      className={`node${highlighted ? " highlighted" : ""}${dim ? " dim" : ""}`}
      aria-label={`${node.title} (${node.code}), ${familyName}`}
      data-role={node.code}
      onFocus={() => onFocus(node.code)}
      onBlur={() => onFocus(null)}
      onMouseEnter={() => onFocus(node.code)}
      onMouseLeave={() => onFocus(null)}
    >
      <circle cx={at.x} cy={at.y} r={RADIUS} fill={familyColour(node.family)} />
      <text x={at.x} y={at.y + RADIUS + 13} textAnchor="middle">
        {node.title}
      </text>
    </Link>
  );
}
