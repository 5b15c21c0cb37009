/** A chain of roles (a path found, or a gap's two ends) drawn top to bottom, and its moves listed beside. */
import { useMemo } from "react";
import { api, type RoleSheet } from "../api";
import { useCatalogue } from "../context";
import { roleTitle } from "../lib/catalogue";
import { Link } from "../lib/links";
import { pathLinkKeys } from "../lib/mapLayout";
import { layoutPath, type PathMove } from "../lib/pathScene";
import { useResource } from "../lib/useResource";
import { gapHref, mapHref } from "../lib/urlState";
import { Await } from "./Await";
import { LinkEvidence } from "./LinkEvidence";
import { LinkKindTag } from "./LinkKindTag";
import { MapCanvas } from "./MapCanvas";

export function PathMap({ path }: { path: string[] }) {
  const key = path.join(",");
  const sheets = useResource((signal) => Promise.all(key.split(",").map((code) => api.role(code, signal))), [key]);
  return (
    <Await resource={sheets} what="the roles of the path" suggestionHref={(s) => mapHref({ role: s.code })}>
      {(data) => <PathResult sheets={data} />}
    </Await>
  );
}

function PathResult({ sheets }: { sheets: RoleSheet[] }) {
  const catalogue = useCatalogue();
  const moveOf = useMemo(() => {
    const moves = new Map(
      sheets.flatMap((s) =>
        s.links_out.map((l) => [`${s.code}>${l.role.code}`, { kind: l.kind, evidence: l.evidence }]),
      ),
    );
    return (source: string, target: string): PathMove | undefined => moves.get(`${source}>${target}`);
  }, [sheets]);
  const codes = useMemo(() => sheets.map((s) => s.code), [sheets]);
  const scene = useMemo(
    () =>
      layoutPath(
        sheets.map((s) => ({ code: s.code, title: s.title, family: s.family.code })),
        moveOf,
        (code) => mapHref({ role: code }),
      ),
    [sheets, moveOf],
  );
  const highlight = useMemo(() => ({ nodes: new Set(codes), edges: pathLinkKeys(codes) }), [codes]);
  const steps = codes.slice(1).map((to, i) => ({ from: codes[i] ?? "", to }));
  return (
    <div className="map-with-list">
      <MapCanvas
        scene={scene}
        label={`A path of ${codes.length} roles, top to bottom. Its moves are listed after the map.`}
        highlightNodes={highlight.nodes}
        highlightEdges={highlight.edges}
      />
      <section className="move-lists" aria-labelledby="path-moves">
        <h2 id="path-moves">The moves</h2>
        <ol className="move-list">
          {steps.map(({ from, to }) => {
            const move = moveOf(from, to);
            return (
              <li key={`${from}>${to}`}>
                <Link to={mapHref({ role: from })}>{roleTitle(catalogue, from)}</Link> →{" "}
                <Link to={mapHref({ role: to })}>{roleTitle(catalogue, to)}</Link>{" "}
                {move ? <LinkKindTag kind={move.kind} /> : <span className="hint">no direct move</span>}{" "}
                <Link to={gapHref({ source: { kind: "role", code: from }, to, basis: "entry" })}>
                  Gap<span className="visually-hidden"> for this move</span>
                </Link>
                {move && <LinkEvidence kind={move.kind} evidence={move.evidence} />}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
