/** What to do when the workforce holds no one yet: how to load people, and which key these screens need. */
export function EmptyWorkforce({ what }: { what: string }) {
  return (
    <section className="card hr-empty" aria-labelledby="hr-empty-title" data-testid="hr-empty">
      <h2 id="hr-empty-title">No people loaded yet, so there is no {what} to show</h2>
      <p>Load a workforce into the store this service reads, then reload this page:</p>
      <ul>
        <li>
          to try the screens with made-up people: <code>careergraph workforce generate --people 1000 --seed 42</code>
        </li>
        <li>
          to load your organisation&apos;s people from a CSV file: <code>careergraph workforce import people.csv</code>{" "}
          (its columns are described in docs/workforce.md)
        </li>
      </ul>
      <p className="hint">
        Run the command where the service runs, so it writes to the same store (the command says which store it wrote
        to). These screens keep using the key you entered: one with the <strong>workforce</strong> scope, set in{" "}
        <code>CAREERGRAPH_API_KEYS</code> as <code>name:workforce:secret</code>.
      </p>
    </section>
  );
}
