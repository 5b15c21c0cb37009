/**
 * One node of the career map: a dot in its family's colour, its label, and a link
 * (to its moves, its sheet, or to expand a family). A label cut to fit shows in full
 * while its node is highlighted, hovered or focused; the accessible name always holds
 * every word the label shows.
 */
import { useCatalogue } from "../context";
import { familyColourOf } from "../lib/catalogue";
import { Link } from "../lib/links";
import { labelBox, type LabelSide } from "../lib/mapLayout";
import { LABEL_LINE_HEIGHT, textWidth, type SceneNode } from "../lib/mapScene";

interface NodeProps {
  node: SceneNode;
  highlighted: boolean;
  dim: boolean;
  onFocus: (id: string | null) => void;
}

const ANCHOR: Record<LabelSide, "middle" | "start" | "end"> = {
  below: "middle",
  above: "middle",
  right: "start",
  left: "end",
};

export function MapNode({ node, highlighted, dim, onFocus }: NodeProps) {
  const catalogue = useCatalogue();
  const family = catalogue.families.find((f) => f.code === node.family)?.name ?? node.family;
  const at = { x: node.x, y: node.y };
  const cut = node.lines.length === 1 && (node.lines[0] ?? "").endsWith("…");
  const lines = highlighted && cut ? [node.name] : node.lines;
  const width = highlighted && cut ? textWidth(node.name) : node.labelWidth;
  const box = labelBox(at, node.side, width, node.radius, LABEL_LINE_HEIGHT, lines.length);
  const anchor = ANCHOR[node.side];
  const x = anchor === "middle" ? at.x : anchor === "start" ? box.x0 : box.x1;
  const name =
    node.kind === "family" ? `${node.name}: ${node.detail ?? "a family"}` : `${node.name} (${node.code}), ${family}`;
  return (
    <Link
      to={node.href}
      className={`node node-${node.kind}${highlighted ? " highlighted" : ""}${dim ? " dim" : ""}${
        node.quiet ? " quiet" : ""
      }`}
      aria-label={`${name}: ${node.action}`}
      data-role={node.kind === "role" ? node.code : undefined}
      data-family={node.kind === "family" ? node.code : undefined}
      onFocus={() => onFocus(node.id)}
      onBlur={() => onFocus(null)}
      onMouseEnter={() => onFocus(node.id)}
      onMouseLeave={() => onFocus(null)}
    >
      <circle cx={at.x} cy={at.y} r={node.radius} fill={familyColourOf(catalogue, node.family)} />
      <text textAnchor={anchor}>
        {lines.map((line, i) => (
          <tspan key={i} x={x} y={box.y0 + (i + 1) * LABEL_LINE_HEIGHT - 3}>
            {/* the space keeps the words of two lines apart for screen readers */}
            {i < lines.length - 1 ? `${line} ` : line}
          </tspan>
        ))}
      </text>
    </Link>
  );
}
