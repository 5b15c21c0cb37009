/** One role on the career map: a dot in its family's colour, a label, and a link to its sheet. */
import { Link } from "../lib/links";
import type { GraphNode } from "../api";
import { labelBox, type LabelSide, type Point } from "../lib/mapLayout";
import { familyColour } from "../lib/palette";
import { roleHref } from "../lib/urlState";

export const NODE_RADIUS = 13;
export const LABEL_LINE_HEIGHT = 15;
/** An estimate of a 13px label's width, enough to keep labels apart. */
export const labelWidth = (title: string): number => title.length * 7;

interface NodeProps {
  node: GraphNode;
  at: Point | undefined;
  side: LabelSide;
  familyName: string;
  highlighted: boolean;
  dim: boolean;
  onFocus: (code: string | null) => void;
}

const ANCHOR: Record<LabelSide, "middle" | "start" | "end"> = {
  below: "middle",
  above: "middle",
  right: "start",
  left: "end",
};

export function MapNode({ node, at, side, familyName, highlighted, dim, onFocus }: NodeProps) {
  if (!at) return null;
  const box = labelBox(at, side, labelWidth(node.title), NODE_RADIUS, LABEL_LINE_HEIGHT);
  const x = ANCHOR[side] === "middle" ? at.x : ANCHOR[side] === "start" ? box.x0 : box.x1;
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
      <circle cx={at.x} cy={at.y} r={NODE_RADIUS} fill={familyColour(node.family_code)} />
      <text x={x} y={box.y1 - 3} textAnchor={ANCHOR[side]}>
        {node.title}
      </text>
    </Link>
  );
}
