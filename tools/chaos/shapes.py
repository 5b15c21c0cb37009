"""Random uploads for the fuzz (tools/chaos/fuzz.py): dataset files and people, valid or not.

Each generator takes a `random.Random` and returns one `Upload`: the route, its query,
content type and body. Shapes are drawn from families that have broken importers before
(wide headers, huge cells, deep nesting, odd ids, zips of anything, gzip, bad bytes),
mixed with nearly valid data taken from the seed, so both the checks and the writes are
reached. Sizes stay small (at most a few MB), so a run measures behaviour, not bandwidth.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from seed import DATA_DIR

DATASETS = "/api/v1/datasets"
PEOPLE = "/api/v1/workforce/import"
SEED_FILES = {p.name: p.read_text() for p in sorted(DATA_DIR.glob("*.json"))}
SEED_ROLES = ["3.2", "3.4", "2.3", "6.2", "9.1"]
SEED_COMPETENCES = ["B1", "B2", "A1", "E2", "D10"]
ODD_TEXT = [
    "",
    " ",
    "x\n",
    "\x00",
    "é",
    "\U0001d518",
    '"',
    "a,b",
    "=1+1",
    "-" * 3,
    "9" * 30,
    "\r\n",
]


@dataclass
class Upload:
    family: str
    path: str
    content_type: str
    body: bytes
    params: dict[str, str] = field(default_factory=dict)
    shape: str = ""  # what is odd about it, for the failure list

    def describe(self) -> str:
        """A reproduction: the request as a curl command (the body saved beside it)."""
        query = "&".join(f"{k}={v!r}" for k, v in self.params.items())
        return (
            f"POST {self.path}?{query} Content-Type: {self.content_type} "
            f"({len(self.body)} B; {self.shape})"
        )


def _cell(rng: random.Random) -> str:
    draw = rng.random()
    if draw < 0.4:
        return f"{rng.uniform(-1, 2):.3f}"
    if draw < 0.6:
        return rng.choice(ODD_TEXT)
    if draw < 0.62:
        return "x" * 1000
    return rng.choice(["nan", "inf", "-0", "1e309", "0x10", str(rng.randint(-5, 9))])


def _table(rng: random.Random, columns: int, rows: int) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["occupation", *(rng.choice([*ODD_TEXT, f"F{i}"]) for i in range(columns))])
    cells = [_cell(rng) for _ in range(64)]  # drawn from a pool: wide tables stay quick to make
    for row in range(rows):
        writer.writerow([f"R{row}", *rng.choices(cells, k=columns)])
    if rng.random() < 0.1:
        writer.writerow(["R", "x" * 140_000])  # one cell past csv's default field limit
    return out.getvalue()


def matrix_csv(rng: random.Random) -> Upload:
    columns = rng.choice((0, 1, 3, 20, 200, rng.randint(1000, 5000)))
    rows = rng.choice((0, 1, 5, 50))
    body = _table(rng, columns, rows).encode()
    shape = f"{columns} columns x {rows} rows"
    return Upload("matrix csv", DATASETS, "text/csv", body, _params(rng, "matrix"), shape)


def wide_header(rng: random.Random) -> Upload:
    """A matrix whose header alone is wide (issue 22, finding 3: checks quadratic in it)."""
    columns = rng.choice((20_000, 40_000))
    header = ",".join(["occupation", *(f"Skill: F{n}" for n in range(columns))])
    row = ",".join(["R1", *(f"{rng.random():.2f}" for _ in range(columns))])
    body = f"{header}\n{row}\n".encode()
    shape = f"{columns} distinct columns x 1 row"
    return Upload("wide header", DATASETS, "text/csv", body, _params(rng, "matrix"), shape)


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def _mutated_seed(rng: random.Random) -> tuple[dict[str, str], str]:
    """The seed's files with one thing wrong (or nothing), and what."""
    files = dict(SEED_FILES)
    name = rng.choice(sorted(files))
    data = json.loads(files[name])
    mutation = rng.random()
    if mutation < 0.3 and isinstance(data, list) and data:
        at, odd = rng.randrange(len(data)), rng.choice([None, 1, "x", [], {}, {"code": "\n"}])
        data[at], shape = odd, f"{name}[{at}] = {odd!r}"
    elif mutation < 0.5:
        depth = rng.choice((50, 5000, 100_000))
        data, shape = _nested(depth), f"{name} nested {depth} deep"
    elif mutation < 0.6 and isinstance(data, list) and data and isinstance(data[0], dict):
        data[0], shape = {**data[0], "requirements": []}, f"{name}[0] without requirements"
    elif mutation < 0.7:
        del files[name]
        return files, f"no {name}"
    else:
        shape = "the seed as is"
    files[name] = data if isinstance(data, str) else json.dumps(data)
    return files, shape


def json_zip(rng: random.Random) -> Upload:
    files, shape = _mutated_seed(rng)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        prefix = rng.choice(("", "dataset/", "../", "a/b/"))
        for name, text in files.items():
            archive.writestr(prefix + name, text)
        if rng.random() < 0.2:
            size = rng.choice((1 << 20, 30 << 20))
            archive.writestr("big.txt", b"0" * size)  # unzips large
            shape += f", a {size >> 20} MB file"
    params = _params(rng, "auto")
    return Upload("json zip", DATASETS, "application/zip", buffer.getvalue(), params, shape)


def broken_bytes(rng: random.Random) -> Upload:
    base = json_zip(rng).body
    draw = rng.random()
    if draw < 0.3:
        body, shape = base[: rng.randrange(1, len(base))], "a truncated zip"
    elif draw < 0.6:
        body = gzip.compress(_table(rng, 5, 5).encode())[: rng.randrange(5, 40)]
        shape = "a truncated gzip"
    elif draw < 0.8:
        body = rng.randbytes(rng.choice((0, 1, 100, 10_000)))
        shape = "random bytes"
    else:
        body, shape = gzip.compress(_table(rng, 10, 20).encode()), "a gzipped matrix"
    content_type = rng.choice(("application/octet-stream", "application/gzip", "text/csv", "x/y"))
    return Upload("broken bytes", DATASETS, content_type, body, _params(rng, "auto"), shape)


def _params(rng: random.Random, format: str) -> dict[str, str]:
    params = {"format": format, "replace": rng.choice(("true", "false"))}
    if rng.random() < 0.7:
        params["id"] = rng.choice(["fuzz-a", "fuzz-b", "x\n", "cigref-2011", "Ω", "a" * 40, "-"])
    if rng.random() < 0.3:
        params["levels"] = str(rng.choice((1, 3, 100)))
    if rng.random() < 0.2:
        params["thresholds"] = rng.choice(("0.5,0.7", "0.9,0.1", "1e308,2e308"))
    return params


def _person(rng: random.Random, number: int) -> dict[str, object]:
    return {
        "person": rng.choice([f"P{number}", f"P{number}", "", "\n", "x" * 300, number]),
        "unit": rng.choice(["Payments", "", "=cmd", "é" * 50]),
        "role": rng.choice([*SEED_ROLES, "nope", None]),
        "competence": rng.choice([*SEED_COMPETENCES, "", "Z9"]),
        "level": rng.choice(["e-1", "e-2", "e-3", "e-5", "e-0", 2, "2", None, 1.5]),
        "source": rng.choice(["manager", "self", "", "other"]),
        "assessed_on": rng.choice(["2024-11-04", "2024-13-40", "", "yesterday"]),
    }


def people_csv(rng: random.Random) -> Upload:
    rows = [_person(rng, n) for n in range(rng.choice((0, 1, 10, 500)))]
    out = io.StringIO()
    columns = list(rows[0]) if rows else ["person", "role", "competence", "level"]
    header = rng.choice((columns, columns[:4], ["person", "x"], []))
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(name, _cell(rng)) for name in header])
    shape = f"{len(rows)} rows of {len(header)} columns"
    if rng.random() < 0.1:
        writer.writerow(["P1", "u", "3.2", "B1", "x" * 140_000])
        shape += ", a 140,000-character cell"
    params = {"mode": rng.choice(("merge", "replace"))}
    body = out.getvalue().encode()
    return Upload("people csv", PEOPLE, "text/csv", body, params, shape)


def people_json(rng: random.Random) -> Upload:
    draw = rng.random()
    if draw < 0.2:
        depth = rng.choice((100, 5000, 100_000))
        text, shape = _nested(depth), f"nested {depth} deep"
    elif draw < 0.3:
        text = rng.choice(("{}", "null", '"x"', "[1,2]", "{", ""))
        shape = f"the body {text!r}"
    else:
        count = rng.choice((0, 1, 10, 500))
        text, shape = json.dumps([_person(rng, n) for n in range(count)]), f"{count} records"
    params = {"mode": rng.choice(("merge", "replace"))}
    content_type = rng.choice(("application/json",) * 4 + ("text/plain",))
    return Upload("people json", PEOPLE, content_type, text.encode(), params, shape)


# wide_header comes up as often as the others in `make fuzz`; the pytest run leaves it out
# (one such upload took 11 s before the checks were made linear).
FAMILIES: tuple[Callable[[random.Random], Upload], ...] = (
    matrix_csv,
    wide_header,
    json_zip,
    broken_bytes,
    people_csv,
    people_json,
)


def draw(rng: random.Random) -> Upload:
    return rng.choice(FAMILIES)(rng)
