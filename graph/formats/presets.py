"""Two real catalogues nobody here wrote, as matrix imports with documented defaults.

Both come as gzipped CSVs inside the `skillinfer` 0.1.1 wheel (MIT), a development
extra only: `careergraph dataset import --preset onet` reads skillinfer's copy when
it is installed, or the file given. docs/datasets.md explains each default.

- O*NET 30.2: 894 occupations x 120 skills, knowledge areas and abilities
  ("Skill:Programming"); each cell the importance rating, min-max normalised to 0..1
  per column by skillinfer (0: the occupation that least needs it, 1: the one that most
  does). The 35 skills and 33 knowledge areas are kept, the 52 abilities (Near Vision,
  Finger Dexterity: not learned) left out. Floor 0.5 keeps the upper half of each
  column's range; 3 levels of equal width (Basic, Intermediate, Advanced), described by
  O*NET's three level anchors per element. graph.formats.onet then gives the
  occupations their O*NET-SOC codes, SOC major groups, Job Zones, descriptions and
  reported titles, and O*NET's closest related occupations as documented links.
- ESCO v1.2.1: 2,999 occupations x 134 level-2 skill groups; each cell 1 when the
  occupation has an essential skill in the group, else 0. One level, "essential".
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, replace
from pathlib import Path

from graph.errors import DatasetError
from graph.formats import onet
from graph.formats.matrix import MatrixOptions

SKILLINFER = "skillinfer==0.1.1"


@dataclass(frozen=True)
class Preset:
    file: str  # the file's name in skillinfer/datasets/
    options: MatrixOptions


PRESETS: dict[str, Preset] = {
    "onet": Preset(
        "onet.csv.gz",
        MatrixOptions(
            id="onet-30-2",
            name="O*NET 30.2 occupations",
            levels=len(onet.LEVEL_LABELS),
            floor=0.5,
            labels=onet.LEVEL_LABELS,
            area_separator=":",
            drop_areas=("Ability",),
            refine=onet.identify,
            family_name="O*NET occupations",
            source=(
                "O*NET 30.2 Database: importance of 35 skills and 33 knowledge areas "
                "for 894 occupations, normalised to 0..1 per column "
                f"(as shipped in {SKILLINFER}); codes, major groups, Job Zones, descriptions, "
                "reported titles, level anchors and related occupations from O*NET 29.3"
            ),
            licence="CC BY 4.0",
            attribution=(
                "O*NET 30.2 Database by the U.S. Department of Labor, Employment and Training "
                "Administration (USDOL/ETA), used under the CC BY 4.0 licence"
            ),
        ),
    ),
    "esco": Preset(
        "esco.csv.gz",
        MatrixOptions(
            id="esco-1-2-1",
            name="ESCO v1.2.1 occupations",
            levels=1,
            floor=0.5,
            labels=("essential",),
            family_name="ESCO occupations",
            area_name="ESCO skill groups (level 2)",
            source=(
                "ESCO v1.2.1: for 2,999 occupations, the 134 level-2 skill groups holding "
                f"one of their essential skills (as shipped in {SKILLINFER})"
            ),
            licence="ESCO: reuse with attribution (European Commission)",
            attribution=("ESCO classification v1.2.1, European Commission, reuse with attribution"),
        ),
    ),
}


def preset(name: str) -> Preset:
    found = PRESETS.get(name)
    if found is None:
        raise DatasetError(f"no preset {name!r} (presets: {', '.join(PRESETS)})")
    return found


def packaged_file(name: str) -> Path:
    """skillinfer's copy of the preset's file; an error says how to get it otherwise."""
    file = preset(name).file
    # Found, not imported: importing skillinfer would load pandas and scikit-learn.
    spec = importlib.util.find_spec("skillinfer")
    if spec is None or not spec.submodule_search_locations:
        raise DatasetError(
            f"the {name} preset reads {file} from the skillinfer package, which is not "
            f"installed: pip install 'careergraph[presets]' (or {SKILLINFER}), or give the "
            "file's path"
        )
    return Path(spec.submodule_search_locations[0]) / "datasets" / file


def matrix_options(
    preset_name: str | None,
    dataset_id: str | None,
    *,
    thresholds: str | None = None,
    labels: str | None = None,
    **given: object,
) -> MatrixOptions:
    """A preset's options (or the defaults) with those given; None leaves one as it is.

    `thresholds` and `labels` are comma-separated, as the CLI and the API take them.
    """
    base = preset(preset_name).options if preset_name else MatrixOptions(id=dataset_id or "matrix")
    given["thresholds"] = _numbers(thresholds)
    given["labels"] = None if labels is None else tuple(p.strip() for p in labels.split(","))
    return replace(base, **{k: v for k, v in given.items() if v is not None})  # type: ignore[arg-type]


def _numbers(text: str | None) -> tuple[float, ...] | None:
    if text is None:
        return None
    try:
        return tuple(float(part) for part in text.split(","))
    except ValueError:
        raise DatasetError(f"thresholds {text!r}: give numbers separated by commas") from None
