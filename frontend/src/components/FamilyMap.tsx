/**
 * The career map by families: each family one node until it is expanded into its
 * roles (the URL lists the expanded ones), moves counted between folded families.
 * With every family expanded it is the whole map, drawn only up to MAP_ROLE_LIMIT roles.
 */
import { useMemo } from "react";
import type { GraphAnswer } from "../api";
import { useCatalogue } from "../context";
import { loadGraph } from "../lib/catalogue";
import { clusterGraph, drawnRoles, layoutClusters, MAP_ROLE_LIMIT, movesText } from "../lib/clusters";
import { plural } from "../lib/format";
import { Link } from "../lib/links";
import { pathLinkKeys } from "../lib/mapLayout";
import type { Scene, SceneEdge } from "../lib/mapScene";
import { useResource } from "../lib/useResource";
import { mapHref, type MapQuery } from "../lib/urlState";
import { Await } from "./Await";
import { CappedList } from "./CappedList";
import { MapCanvas } from "./MapCanvas";
import { FamilyDot } from "./Swatches";

interface Props {
  /** The families drawn as their roles; every family for the whole map. */
  expanded: string[];
  query: MapQuery;
  whole: boolean;
}

export function FamilyMap({ expanded, query, whole }: Props) {
  const catalogue = useCatalogue();
  const counts = useMemo(() => roleCounts(catalogue.roles), [catalogue]);
  const drawn = drawnRoles(counts, expanded);
  if (drawn > MAP_ROLE_LIMIT) return <TooMany drawn={drawn} expanded={expanded} whole={whole} query={query} />;
  return <DrawnFamilies expanded={expanded} query={query} whole={whole} />;
}

function roleCounts(roles: readonly { family: { code: string } }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const role of roles) counts.set(role.family.code, (counts.get(role.family.code) ?? 0) + 1);
  return counts;
}

function DrawnFamilies({ expanded, query, whole }: Props) {
  const catalogue = useCatalogue();
  const version = catalogue.dataset.dataset_version;
  const graph = useResource(() => loadGraph(version), [version]);
  return (
    <Await resource={graph} what="the career map">
      {(data) => <FamilyScene graph={data} expanded={expanded} query={query} whole={whole} />}
    </Await>
  );
}

function FamilyScene({ graph, expanded, query, whole }: Props & { graph: GraphAnswer }) {
  const catalogue = useCatalogue();
  const { onlyDocumented, path } = query;
  const expandedKey = expanded.join(",");
  const scene = useMemo(() => {
    const open = new Set(expandedKey.split(",").filter(Boolean));
    const cluster = clusterGraph(graph, catalogue.families, {
      expanded: open,
      onlyDocumented,
      keep: pathLinkKeys(path),
    });
    return layoutClusters(cluster, {
      roleHref: (code) => mapHref({ role: code, onlyDocumented }),
      expandHref: (family) => mapHref({ families: [...open, family], path, onlyDocumented }),
    });
  }, [graph, catalogue, expandedKey, onlyDocumented, path]);
  const highlight = useMemo(() => ({ nodes: new Set(path), edges: pathLinkKeys(path) }), [path]);
  // On a phone the map scrolls: open it on the roles of the expanded families.
  const roles = useMemo(() => new Set(scene.nodes.filter((n) => n.kind === "role").map((n) => n.id)), [scene]);
  const folded = catalogue.families.length - expanded.length;
  const label = whole
    ? `The whole career map: ${plural(catalogue.roles.length, "role")} coloured by family, arrows are career moves. The same moves are listed after the map.`
    : `The career map by family: ${plural(folded, "family", "families")} shown as one node each${
        expanded.length > 0 ? `, ${plural(expanded.length, "family", "families")} expanded into their roles` : ""
      }; arrows are career moves, thicker when they count several. The same moves are listed after the map.`;
  return (
    <div className="map-with-list wide">
      <MapCanvas
        scene={scene}
        label={label}
        highlightNodes={highlight.nodes}
        highlightEdges={highlight.edges}
        scrollTo={path.length > 0 ? highlight.nodes : roles}
      />
      <div className="move-lists">
        {!whole && <FamilyList expanded={expanded} query={query} />}
        <EdgeList scene={scene} />
      </div>
    </div>
  );
}

/** Each family with its size and a link to expand or fold it: the map's clusters, by keyboard. */
function FamilyList({ expanded, query }: { expanded: string[]; query: MapQuery }) {
  const catalogue = useCatalogue();
  const counts = useMemo(() => roleCounts(catalogue.roles), [catalogue]);
  const open = new Set(expanded);
  const href = (families: string[]) => mapHref({ families, path: query.path, onlyDocumented: query.onlyDocumented });
  return (
    <section aria-labelledby="family-list">
      <h2 id="family-list">Families ({catalogue.families.length})</h2>
      <CappedList
        items={catalogue.families}
        keyOf={(f) => f.code}
        className="family-list"
        noun="family"
        step={40}
        render={(family) => (
          <>
            <FamilyDot family={family.code} />
            {family.name} <span className="hint">{plural(counts.get(family.code) ?? 0, "role")}</span>{" "}
            {open.has(family.code) ? (
              <Link to={href(expanded.filter((f) => f !== family.code))} data-fold={family.code}>
                Fold<span className="visually-hidden"> {family.name}</span>
              </Link>
            ) : (
              <Link to={href([...expanded, family.code])} data-expand={family.code}>
                Expand<span className="visually-hidden"> {family.name}</span>
              </Link>
            )}
          </>
        )}
      />
    </section>
  );
}

/** The moves the map draws, by where they start: one line per arrow. */
function EdgeList({ scene }: { scene: Scene }) {
  const byId = new Map(scene.nodes.map((n) => [n.id, n]));
  const from = scene.nodes
    .map((node) => ({ node, edges: scene.edges.filter((e) => e.source === node.id) }))
    .filter((group) => group.edges.length > 0);
  const describe = (edge: SceneEdge) =>
    edge.count === 1 && !edge.source.startsWith("family:") && !edge.target.startsWith("family:")
      ? edge.kind
      : movesText(edge.count, edge.documented);
  return (
    <section aria-labelledby="edge-list">
      <h2 id="edge-list">The moves drawn ({scene.edges.length})</h2>
      {from.length === 0 ? (
        <p className="empty">No move to draw.</p>
      ) : (
        <CappedList
          items={from}
          keyOf={(group) => group.node.id}
          className="edge-list"
          noun="starting point"
          step={15}
          render={({ node, edges }) => (
            <>
              <Link to={node.href} data-node={node.id}>
                {node.kind === "family" ? `${node.name} (family)` : node.name}
              </Link>
              <ul>
                {edges.map((edge) => (
                  <li key={edge.target}>
                    → {byId.get(edge.target)?.name ?? edge.target} <span className="hint">{describe(edge)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        />
      )}
    </section>
  );
}

function TooMany({
  drawn,
  expanded,
  whole,
  query,
}: {
  drawn: number;
  expanded: string[];
  whole: boolean;
  query: MapQuery;
}) {
  const catalogue = useCatalogue();
  return (
    <section className="empty-result" aria-labelledby="too-many" data-testid="map-too-large">
      <h2 id="too-many">{whole ? "The whole map is too large to draw" : "Too many roles to draw"}</h2>
      <p>
        {whole
          ? `${catalogue.dataset.name} has ${plural(drawn, "role")}; drawn one by one they would hide each other.`
          : `The expanded families hold ${plural(drawn, "role")}.`}{" "}
        The map draws at most {MAP_ROLE_LIMIT} roles at once: choose a role above to see its moves, or look at the
        families and expand one or two.
      </p>
      <p className="actions">
        <Link className="button" to={mapHref({ onlyDocumented: query.onlyDocumented })}>
          Show the families
        </Link>
        {!whole &&
          expanded.map((family) => (
            <Link
              key={family}
              to={mapHref({ families: expanded.filter((f) => f !== family), onlyDocumented: query.onlyDocumented })}
            >
              Fold {catalogue.families.find((f) => f.code === family)?.name ?? family}
            </Link>
          ))}
      </p>
      {!whole &&
        expanded.map((code) => {
          const family = catalogue.families.find((f) => f.code === code);
          if (!family) return null;
          return (
            <section key={code} aria-labelledby={`roles-of-${code}`}>
              <h3 id={`roles-of-${code}`}>
                <FamilyDot family={code} />
                The roles of {family.name} ({family.roles.length})
              </h3>
              <CappedList
                items={family.roles}
                keyOf={(r) => r.code}
                className="move-list"
                noun="role"
                render={(r) => (
                  <Link to={mapHref({ role: r.code, onlyDocumented: query.onlyDocumented })}>{r.title}</Link>
                )}
              />
            </section>
          );
        })}
    </section>
  );
}
