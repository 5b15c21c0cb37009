/** A plain bulleted list of sentences from the data. */
export function TextList({ items }: { items: readonly string[] }) {
  return (
    <ul className="text-list">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}
