"""The files of an import, by name, from a directory, a zip archive or one file; and zips.

An import reads named files (roles.csv, dataset.json...), wherever they come from. A
bundle is flat: names have no folders, and an archive may keep its files in one
top-level folder (what zipping a directory gives). Sizes are bounded before anything
is inflated, so a small upload cannot expand into gigabytes (a zip or gzip bomb).
"""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO

from graph.errors import DatasetError, TooLarge

GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGIC = b"PK\x03\x04"
# Most files in one archive: a dataset has a dozen; more is not a dataset.
MAX_MEMBERS = 64
CHUNK = 1 << 20
# Bound on inflated bytes when the caller sets none (the CLI reads local files).
UNBOUNDED = 1 << 40


@dataclass(frozen=True)
class Bundle:
    """Input files by name; `origin` names where they came from, for messages."""

    origin: str
    files: Mapping[str, bytes]

    def get(self, name: str) -> bytes | None:
        return self.files.get(name)

    def require(self, name: str) -> bytes:
        found = self.files.get(name)
        if found is None:
            have = ", ".join(sorted(self.files)) or "no files"
            raise DatasetError(f"{name}: file not found in {self.origin} (it has: {have})")
        return found


def is_zip(data: bytes) -> bool:
    return data.startswith(ZIP_MAGIC)


def inflate(name: str, data: bytes, *, max_bytes: int = UNBOUNDED) -> bytes:
    """`data` itself, or its content when it is gzip-compressed (bounded by `max_bytes`)."""
    if not data.startswith(GZIP_MAGIC):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            return _read_at_most(
                stream, max_bytes, f"{name}: more than {max_bytes:,} bytes once decompressed"
            )
    except (OSError, EOFError) as error:
        raise DatasetError(f"{name}: not readable gzip data ({error})") from None


def _read_at_most(stream: IO[bytes] | gzip.GzipFile, limit: int, too_large: str) -> bytes:
    """The stream's bytes, read a chunk at a time; `too_large` is the error past `limit`."""
    chunks, size = [], 0
    while chunk := stream.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise TooLarge(too_large)
        chunks.append(chunk)
    return b"".join(chunks)


def from_zip(data: bytes, *, origin: str, max_bytes: int = UNBOUNDED) -> Bundle:
    """The files of a zip archive, flat or in one top-level folder, at most `max_bytes` in all."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [m for m in archive.infolist() if not m.is_dir()]
    except zipfile.BadZipFile as error:
        raise DatasetError(f"{origin}: not a readable zip archive ({error})") from None
    if len(members) > MAX_MEMBERS:
        raise DatasetError(f"{origin}: {len(members)} files; a dataset has at most {MAX_MEMBERS}")
    total = sum(m.file_size for m in members)
    if total > max_bytes:
        raise TooLarge(f"{origin}: {total:,} bytes once unpacked; at most {max_bytes:,}")
    files: dict[str, bytes] = {}
    folders = set()
    for member in members:
        path = PurePosixPath(member.filename)
        if path.name.startswith(".") or "__MACOSX" in path.parts:
            continue  # what desktop zippers add: not part of the dataset
        folders.add(path.parent)
        if len(folders) > 1:
            raise DatasetError(
                f"{origin}: files in several folders ({', '.join(sorted(map(str, folders)))}); "
                "put the dataset's files at the top or in one folder"
            )
        try:
            with archive.open(member) as stream:
                # The header may lie about the size: never read past what it declares.
                files[path.name] = _read_at_most(
                    stream,
                    member.file_size,
                    f"{origin}: {member.filename}: larger than the archive says",
                )
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as error:
            raise DatasetError(f"{origin}: {member.filename}: unreadable ({error})") from None
    return Bundle(origin, files)


def to_zip(files: Mapping[str, str], folder: str) -> bytes:
    """A zip of text files under `folder`/, with fixed timestamps: equal files, equal bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            info = zipfile.ZipInfo(f"{folder}/{name}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()
