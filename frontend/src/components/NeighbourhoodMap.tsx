/** A role's moves in and out, drawn (in on the left, out on the right) and listed beside, documented moves first. */
import { useMemo } from "react";
import { api, type RoleSheet } from "../api";
import { useCatalogue } from "../context";
import { percent, plural, stepsToGo } from "../lib/format";
import { Link } from "../lib/links";
import { pathLinkKeys } from "../lib/mapLayout";
import { layoutNeighbourhood, neighbourhoodOf, type Neighbourhood, type NeighbourMove } from "../lib/neighbourhood";
import { useResource } from "../lib/useResource";
import { gapHref, mapHref, roleHref, type MapQuery } from "../lib/urlState";
import { Await } from "./Await";
import { CappedList } from "./CappedList";
import { LinkKindTag } from "./LinkKindTag";
import { MapCanvas } from "./MapCanvas";

/** Rows drawn on each side; the list beside has them all. */
export const NEIGHBOURHOOD_CAP = 20;

interface Props {
  code: string;
  query: MapQuery;
}

export function NeighbourhoodMap({ code, query }: Props) {
  const sheet = useResource((signal) => api.role(code, signal), [code]);
  return (
    <Await resource={sheet} what={`the moves of role ${code}`} suggestionHref={(s) => mapHref({ role: s.code })}>
      {(data) => <NeighbourhoodResult sheet={data} query={query} />}
    </Await>
  );
}

function NeighbourhoodResult({ sheet, query }: { sheet: RoleSheet; query: MapQuery }) {
  const catalogue = useCatalogue();
  const { onlyDocumented, path } = query;
  const hood = useMemo(
    () => neighbourhoodOf(sheet, (c) => catalogue.roleByCode.get(c)?.family.code ?? "", onlyDocumented),
    [sheet, catalogue, onlyDocumented],
  );
  const scene = useMemo(
    () =>
      layoutNeighbourhood(
        hood,
        { neighbourHref: (c) => mapHref({ role: c, onlyDocumented }), centreHref: roleHref(sheet.code) },
        NEIGHBOURHOOD_CAP,
      ),
    [hood, sheet.code, onlyDocumented],
  );
  const highlight = useMemo(() => ({ nodes: new Set(path), edges: pathLinkKeys(path) }), [path]);
  // A phone shows a slice of the map: the moves out, labelled, where the role leads; its
  // own title heads the page. A role that leads nowhere opens on itself.
  const opening = useMemo(
    () => new Set(hood.out.length > 0 ? hood.out.slice(0, NEIGHBOURHOOD_CAP).map((m) => m.code) : [sheet.code]),
    [hood, sheet.code],
  );
  const twoWay = hood.out.filter((m) => hood.in.some((i) => i.code === m.code)).length;
  return (
    <div className="map-with-list">
      <MapCanvas
        scene={scene}
        label={`The moves of ${sheet.title}: ${plural(hood.in.length, "role")} lead to it (on the left${
          twoWay > 0 ? `, or on the right when the move goes both ways` : ""
        }), it leads to ${plural(hood.out.length, "role")} (on the right). The same moves are listed after the map.`}
        highlightNodes={highlight.nodes}
        highlightEdges={highlight.edges}
        scrollTo={opening}
      />
      <MoveLists hood={hood} onlyDocumented={onlyDocumented} />
    </div>
  );
}

function MoveLists({ hood, onlyDocumented }: { hood: Neighbourhood; onlyDocumented: boolean }) {
  const { centre } = hood;
  const gap = (from: string, to: string) => gapHref({ source: { kind: "role", code: from }, to, basis: "entry" });
  return (
    <div className="move-lists" data-testid="move-lists">
      <MoveList
        id="moves-out"
        heading={`From ${centre.title} to (${hood.out.length})`}
        moves={hood.out}
        onlyDocumented={onlyDocumented}
        gap={(m) => gap(centre.code, m.code)}
        empty={`No move leads on from ${centre.title} in the data.`}
      />
      <MoveList
        id="moves-in"
        heading={`To ${centre.title} from (${hood.in.length})`}
        moves={hood.in}
        onlyDocumented={onlyDocumented}
        gap={(m) => gap(m.code, centre.code)}
        empty={`No move leads to ${centre.title} in the data.`}
      />
    </div>
  );
}

interface MoveListProps {
  id: string;
  heading: string;
  moves: NeighbourMove[];
  onlyDocumented: boolean;
  gap: (m: NeighbourMove) => string;
  empty: string;
}

/** One direction of the moves, as a titled list: each move's role, kind, figures, gap and sheet. */
function MoveList({ id, heading, moves, onlyDocumented, gap, empty }: MoveListProps) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {moves.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <Moves moves={moves} onlyDocumented={onlyDocumented} gap={gap} />
      )}
    </section>
  );
}

function Moves({ moves, onlyDocumented, gap }: Pick<MoveListProps, "moves" | "onlyDocumented" | "gap">) {
  return (
    <CappedList
      items={moves}
      keyOf={(m) => m.code}
      ordered
      className="move-list"
      noun="move"
      render={(m) => (
        <>
          <Link to={mapHref({ role: m.code, onlyDocumented })} className="move-role" data-role={m.code}>
            {m.title}
          </Link>{" "}
          <LinkKindTag kind={m.kind} />{" "}
          <span className="hint">
            {percent(m.coverage)} covered, {stepsToGo(m.levelSteps).toLowerCase()}
          </span>{" "}
          <Link to={gap(m)}>
            Gap<span className="visually-hidden"> for {m.title}</span>
          </Link>{" "}
          ·{" "}
          <Link to={roleHref(m.code)}>
            Sheet<span className="visually-hidden"> of {m.title}</span>
          </Link>
        </>
      )}
    />
  );
}
