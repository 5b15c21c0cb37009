"""A release's career links kept beside its data files, so opening it is reading.

One file, `career-links.jsonl`, two lines: a header naming what the links were computed
from (the data's version and the link policy's fingerprint), then the links as one JSON
array. The header alone tells a release's version without reading the data or the links
(`stored_version`); the links are trusted only when both header fields match the data read
and the code's policy (`stored_links`), else the caller infers them again and rewrites the
file. One file, so a rewrite is one rename: the header and its links never disagree.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from graph.datafiles import canonical
from graph.models import CareerLink, Dataset
from graph.release import Release, release_version

LINKS_FILE = "career-links.jsonl"
_LINKS = TypeAdapter(tuple[CareerLink, ...])


def links_file(release: Release) -> dict[str, str]:
    """The links file of `release`, by name, as text (equal releases, equal text). The
    data's version is the one its files read back as (records in file order)."""
    written = canonical(release.dataset).version
    header = {"dataset_version": written, "link_policy": release.link_policy}
    links = [link.model_dump(mode="json") for link in release.links]
    text = json.dumps(header) + "\n" + json.dumps(links, ensure_ascii=False) + "\n"
    return {LINKS_FILE: text}


def stored_version(directory: Path, policy: str) -> str | None:
    """The release version the stored links give under `policy`, from the header alone;
    None without a readable header. The links of another policy still tell the data's
    version: the release version is then the one it will have once they are recomputed."""
    header = _header(directory)
    return None if header is None else release_version(header[0], policy)


def stored_links(directory: Path, dataset: Dataset, policy: str) -> tuple[CareerLink, ...] | None:
    """The links stored for exactly this data under `policy`; None when missing, unreadable,
    or computed from other data or by another policy (then they must be inferred again)."""
    path = directory / LINKS_FILE
    try:
        with open(path, encoding="utf-8") as stream:
            header = _parse_header(stream.readline())
            if header != (dataset.version, policy):
                return None
            return _LINKS.validate_json(stream.readline())
    except (OSError, ValueError, ValidationError):
        return None


def stale_reason(directory: Path, dataset: Dataset, policy: str) -> str:
    """Why the stored links cannot be used, in words, for the log."""
    header = _header(directory)
    if header is None:
        return "no links stored with it"
    if header[0] != dataset.version:
        return "its links were computed from other data"
    if header[1] != policy:
        return f"its links follow link policy {header[1]}, the code's is {policy}"
    return "its stored links cannot be read"


def _header(directory: Path) -> tuple[str, str] | None:
    try:
        with open(directory / LINKS_FILE, encoding="utf-8") as stream:
            return _parse_header(stream.readline())
    except (OSError, ValueError):
        return None


def _parse_header(line: str) -> tuple[str, str] | None:
    header = json.loads(line)
    if not isinstance(header, dict):
        return None
    version, policy = header.get("dataset_version"), header.get("link_policy")
    if not isinstance(version, str) or not isinstance(policy, str):
        return None
    return version, policy
