"""The HTTP contract as a file: writes, or checks, the OpenAPI document the service serves.

The web UI's TypeScript types are generated from this file (`make api-types`); `make test`
fails when the committed file differs from what the Python code produces now. The output is
the document of `app.main.create_app()` as JSON with a fixed layout (FastAPI builds it in a
stable order), so the same code always writes the same bytes. No store is opened.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.main import create_app

REGENERATE = "run `make api-types` and commit the result"


def document() -> dict[str, Any]:
    """The document the running service serves at /openapi.json."""
    return create_app().openapi()


def render(spec: dict[str, Any]) -> str:
    return json.dumps(spec, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="where the OpenAPI document lives")
    parser.add_argument(
        "--check", action="store_true", help="do not write; fail if the file is out of date"
    )
    args = parser.parse_args(argv)
    path: Path = args.path
    text = render(document())
    if not args.check:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return 0
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        print(f"{path} differs from the service's OpenAPI document: {REGENERATE}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
