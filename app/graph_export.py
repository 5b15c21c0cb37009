"""The career map as a file: JSON for the UI, GraphML for Gephi or yEd, written as bytes once.

An export holds every role and career link: O*NET has 140,000 links (34 MB of JSON, 46 MB
of GraphML), ESCO 209,000. Its work is known before it starts (`size`), so the route
spends it from the request's budget up front, cached or not: a bulk export needs the
keyed budget every time, never only when the cache is cold. GraphML is written here as
text, in one pass, instead of through networkx (which took 14 s and several times the
file's size in memory for ESCO); tests/api/test_graph_export.py reads it back with
networkx as the oracle.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape, quoteattr

from app.answers import to_json
from app.schemas import GraphAnswer, GraphLink, GraphNode
from graph.budget import Budget
from graph.models import CareerLink, Role, natural_key
from graph.snapshot import Snapshot

# How many nodes or links are made between two looks at the deadline and cancellation.
CHECK_EVERY = 2000
# (id, for, attr.name, attr.type), as networkx declares them for these attributes.
KEYS = (
    ("d0", "graph", "dataset_version", "string"),
    ("d1", "node", "title", "string"),
    ("d2", "node", "family", "string"),
    ("d3", "node", "family_name", "string"),
    ("d4", "edge", "kind", "string"),
    ("d5", "edge", "coverage", "double"),
    ("d6", "edge", "level_steps", "long"),
    ("d7", "edge", "evidence", "string"),
)
HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)
# Characters XML 1.0 cannot carry at all, even escaped.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def size(snapshot: Snapshot) -> int:
    """The units an export of `snapshot` spends: one per role and per career link."""
    return len(snapshot.roles) + len(snapshot.links)


def graph_json(snapshot: Snapshot, budget: Budget) -> Iterator[bytes]:
    """Every role (in code order) and career link, as GraphAnswer's JSON."""
    roles = sorted(snapshot.dataset.roles, key=lambda r: natural_key(r.code))
    nodes = [
        GraphNode(
            code=r.code,
            title=r.title,
            family=int(r.family) if r.family.isdigit() else None,
            family_code=r.family,
        )
        for r in roles
    ]
    budget.spend(0)
    links = []
    for written, link in enumerate(snapshot.links, start=1):
        if written % CHECK_EVERY == 0:
            budget.spend(0)  # the units were spent up front
        links.append(GraphLink(**link.model_dump()))
    yield to_json(
        GraphAnswer(dataset_version=snapshot.version, nodes=nodes, links=links), GraphAnswer
    )


def _text(value: object) -> str:
    return escape(NOT_XML.sub("\ufffd", str(value)))


def _data(key: str, value: object) -> str:
    return f'<data key="{key}">{_text(value)}</data>'


def _attribute(value: str) -> str:
    return quoteattr(NOT_XML.sub("\ufffd", value))


def graphml(snapshot: Snapshot, budget: Budget) -> Iterator[bytes]:
    """Every role and career link as GraphML, the attributes networkx would write, in chunks."""
    head = [HEAD]
    head += [
        f'  <key id="{id_}" for="{for_}" attr.name="{name}" attr.type="{kind}" />\n'
        for id_, for_, name, kind in KEYS
    ]
    head.append('  <graph edgedefault="directed">\n')
    head.append(f"    {_data('d0', snapshot.version)}\n")
    yield "".join(head).encode()
    nodes = (_node(snapshot, role) for role in snapshot.dataset.roles)
    yield from _chunks(nodes, budget)
    yield from _chunks(map(_edge, snapshot.links), budget)
    yield b"  </graph>\n</graphml>\n"


def _node(snapshot: Snapshot, role: Role) -> str:
    family = snapshot.families[role.family]
    return (
        f"    <node id={_attribute(role.code)}>{_data('d1', role.title)}"
        f"{_data('d2', role.family)}{_data('d3', family.name)}</node>\n"
    )


def _edge(link: CareerLink) -> str:
    return (
        f"    <edge source={_attribute(link.source)} target={_attribute(link.target)}>"
        f"{_data('d4', link.kind)}{_data('d5', repr(link.coverage))}"
        f"{_data('d6', link.level_steps)}{_data('d7', link.evidence)}</edge>\n"
    )


def _chunks(lines: Iterable[str], budget: Budget) -> Iterator[bytes]:
    """CHECK_EVERY lines at a time, looking at the deadline and cancellation between them."""
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) == CHECK_EVERY:
            budget.spend(0)  # the units were spent up front
            yield "".join(batch).encode()
            batch.clear()
    yield "".join(batch).encode()
