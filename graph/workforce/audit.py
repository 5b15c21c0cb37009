"""The workforce audit log (`careergraph.workforce.audit`): who asked what, about which
dataset and target, for every door (API, CLI, console).

A person named in a request is logged as a pseudonym: an HMAC of the dataset and id under
a key kept beside the workforce files (`.audit-key`, owner-only, made on first use). The
log alone names no one; whoever holds the key (the data controller) can tell which
entries concern a given person by computing that person's pseudonym.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
from pathlib import Path

log = logging.getLogger("careergraph.workforce.audit")
KEY_FILE = ".audit-key"


def pseudonym(key_dir: Path, dataset: str, person: str) -> str:
    """`person`'s pseudonym in the log: 16 hex digits of HMAC-SHA256(dataset, id)."""
    digest = hmac.new(_key(key_dir), f"{dataset}\0{person}".encode(), hashlib.sha256)
    return "p-" + digest.hexdigest()[:16]


def record(who: str, action: str, dataset: str, target: str | None = None) -> None:
    """One audit line: `who` is a key's name (never the key) or `cli:<user>`."""
    about = f", target {target}" if target else ""
    log.info("workforce %s, dataset %s%s, by %s", action, dataset, about, who)


def _key(key_dir: Path) -> bytes:
    path = key_dir / KEY_FILE
    try:
        return path.read_bytes()
    except FileNotFoundError:
        key_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first
            return path.read_bytes()
        with os.fdopen(handle, "wb") as out:
            out.write(secrets.token_bytes(32))
        return path.read_bytes()
