"""The embedded store's workforce: one JSON file per dataset, owner-only, written atomically.

`<directory>/<dataset>.json` holds the Workforce model as JSON. A write goes to a
temporary file in the same directory, then replaces the old file in one rename, so a
reader sees the old workforce or the new one, and an erased person is gone from the
file at once (no copy is left behind).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from graph.workforce.models import Person, Workforce
from graph.workforce.store import EMPTY, bulk

DIR_MODE = 0o700


class WorkforceFiles:
    kind = "embedded"

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def path(self, dataset: str) -> Path:
        return self.directory / f"{dataset}.json"

    def version(self, dataset: str) -> str:
        try:
            stat = self.path(dataset).stat()
        except FileNotFoundError:
            return EMPTY
        return f"{stat.st_mtime_ns:x}-{stat.st_ino:x}-{stat.st_size:x}"

    def load(self, dataset: str) -> Workforce:
        try:
            text = self.path(dataset).read_bytes()
        except FileNotFoundError:
            return Workforce(dataset=dataset)
        with bulk():
            return Workforce.model_validate_json(text)

    def replace(self, workforce: Workforce) -> str:
        self.directory.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        target = self.path(workforce.dataset)
        handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".workforce-")
        try:
            with os.fdopen(handle, "wb") as out:  # mkstemp creates it owner-only (0600)
                out.write(workforce.model_dump_json().encode())
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return self.version(workforce.dataset)

    def merge(self, workforce: Workforce) -> str:
        return self.replace(self.load(workforce.dataset).merged(workforce))

    def person(self, dataset: str, person: str) -> Person | None:
        return self.load(dataset).person(person)

    def erase(self, dataset: str, person: str) -> bool:
        stored = self.load(dataset)
        if stored.person(person) is None:
            return False
        self.replace(stored.without(person))
        return True
