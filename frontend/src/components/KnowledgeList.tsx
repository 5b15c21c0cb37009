/** The knowledge or skills items of a competence, under a heading of the caller's level. */
import type { LearnItem } from "../api";

interface Props {
  title: string;
  items: LearnItem[];
  heading: "h2" | "h3" | "h4";
}

export function KnowledgeList({ title, items, heading: Heading }: Props) {
  if (items.length === 0) return null;
  return (
    <>
      <Heading>{title}</Heading>
      <ul className="knowledge">
        {items.map((k) => (
          <li key={k.key}>{k.text}</li>
        ))}
      </ul>
    </>
  );
}
