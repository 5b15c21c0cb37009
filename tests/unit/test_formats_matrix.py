"""The matrix format: quantisation, codes from labels, areas and families, located errors."""

from __future__ import annotations

import gzip
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from graph.errors import DatasetError
from graph.formats.bundles import Bundle
from graph.formats.importing import import_bundle, read_upload
from graph.formats.matrix import MatrixOptions, matrix_dataset, read_matrix
from graph.formats.presets import matrix_options
from graph.formats.quantise import Quantisation, QuantisationReport
from graph.formats.slugs import codes, slug
from graph.models import Dataset

EXAMPLES = Path(__file__).parents[2] / "docs" / "examples"

RATINGS = b"""role,Skill:Programming,Skill:Testing,Knowledge:Cloud platforms,Skill:Management
Software Developer,0.9,0.55,,
Tester,0.5,1.0,0.2,
Manager,0.1,0.2,0.3,0.8
"""


def imported(data: bytes, **options: Any) -> tuple[Dataset, QuantisationReport]:
    bundle = Bundle("test", {"ratings.csv": data})
    result = import_bundle(bundle, "matrix", options=MatrixOptions(id="m", **options))
    assert result.quantisation is not None
    return result.dataset, result.quantisation


def test_equal_width_levels_between_floor_and_top() -> None:
    q = Quantisation.equal_width(levels=4, floor=0.5, top=1.0)
    assert q.thresholds == (0.5, 0.625, 0.75, 0.875)
    ratings = np.array([0.49, 0.5, 0.624, 0.625, 0.99, 1.0, math.nan])
    assert q.levels(ratings).tolist() == [0, 1, 1, 2, 4, 4, 0]
    assert q.labels == ("L1", "L2", "L3", "L4")
    assert q.describe(2) == "rating 0.625 to under 0.75"
    assert q.describe(4) == "rating 0.875 or more"


def test_explicit_thresholds_must_rise() -> None:
    q = Quantisation.explicit([0.3, 0.6, 0.9], ["basic", "good", "expert"])
    assert q.levels(np.array([0.2, 0.3, 0.89, 5.0])).tolist() == [0, 1, 2, 3]
    with pytest.raises(DatasetError, match="thresholds must rise strictly"):
        Quantisation.explicit([0.5, 0.5])
    with pytest.raises(DatasetError, match="2 labels for 3 levels"):
        Quantisation.explicit([0.1, 0.2, 0.3], ["a", "b"])
    with pytest.raises(DatasetError, match=r"every rating is at or below the floor 0\.5"):
        Quantisation.equal_width(levels=3, floor=0.5, top=0.4)


def test_a_matrix_becomes_a_dataset_and_the_report_says_what_was_chosen() -> None:
    dataset, report = imported(RATINGS, levels=2, floor=0.5, area_separator=":")
    assert [r.code for r in dataset.roles] == ["manager", "software-developer", "tester"]
    by_code = {r.code: r for r in dataset.roles}
    # top = 1.0 (the highest rating): thresholds 0.5 and 0.75
    assert [(q.competence, q.levels) for q in by_code["software-developer"].requirements] == [
        ("skill-programming", (2,)),
        ("skill-testing", (1,)),
    ]
    assert [(q.competence, q.levels) for q in by_code["manager"].requirements] == [
        ("skill-management", (2,))
    ]
    assert [(a.code, a.name) for a in dataset.areas] == [
        ("Knowledge", "Knowledge"),
        ("Skill", "Skill"),
    ]
    cloud = next(c for c in dataset.competences if c.code == "knowledge-cloud-platforms")
    assert (cloud.area, cloud.title, cloud.applicable_levels) == (
        "Knowledge",
        "Cloud platforms",
        (1, 2),
    )
    assert report.per_level == (2, 3)
    assert report.below_floor == 7  # empty cells included
    assert report.per_role == (1, 2.0, 2)
    assert report.roles_without == ()
    assert report.competences_unused == ("knowledge-cloud-platforms",)
    assert "requirements per role: min 1, median 2, max 2" in report.lines()


def test_a_role_left_with_no_requirement_is_refused_at_its_line() -> None:
    """A gap to a role that requires nothing has no size (issue 22): refused, not stored."""
    with pytest.raises(DatasetError, match=r"^ratings\.csv:4:1: role 'Manager' has no rating"):
        imported(RATINGS, levels=1, floor=0.85)


def test_without_a_separator_everything_is_one_area_and_one_family() -> None:
    dataset, _ = imported(RATINGS, levels=1, floor=0.5)
    assert [a.code for a in dataset.areas] == ["all-competences"]
    assert [f.code for f in dataset.families] == ["all-roles"]
    assert {c.title for c in dataset.competences} == {
        "Skill:Programming",
        "Skill:Testing",
        "Knowledge:Cloud platforms",
        "Skill:Management",
    }


def test_labels_that_are_codes_stay_codes_and_slugs_are_unique() -> None:
    assert codes(["B1", "3.2", "A10"], kind="role") == ["B1", "3.2", "A10"]
    assert codes(
        ["Data Analyst", "data-analyst", "Data  analyst!", "data-analyst-2"], kind="role"
    ) == [
        "data-analyst",
        "data-analyst-3",
        "data-analyst-4",
        "data-analyst-2",
    ]
    assert slug("Répétiteur de danse", fallback="x") == "repetiteur-de-danse"
    assert slug("!!!", fallback="role-7") == "role-7"
    assert len(slug("word " * 40, fallback="x")) <= 60


def test_the_documented_example_with_families() -> None:
    bundle = Bundle(
        "examples",
        {
            "matrix.csv": (EXAMPLES / "matrix.csv").read_bytes(),
            "families.csv": (EXAMPLES / "matrix-families.csv").read_bytes(),
        },
    )
    options = matrix_options(None, "acme-matrix", levels=4, floor=0.5, top=1.0, area_separator=":")
    result = import_bundle(bundle, "matrix", options=options)
    dataset = result.dataset
    assert {(r.code, r.family) for r in dataset.roles} == {
        ("junior-developer", "Engineering"),
        ("developer", "Engineering"),
        ("tech-lead", "Engineering"),
        ("engineering-manager", "Management"),
        ("qa-engineer", "Quality"),
    }
    assert result.quantisation is not None
    assert result.quantisation.thresholds == (0.5, 0.625, 0.75, 0.875)


def test_presets_and_options_combine() -> None:
    options = matrix_options("onet", None, levels=3, thresholds=None, labels="a,b,c")
    assert (options.id, options.levels, options.labels, options.floor) == (
        "onet-30-2",
        3,
        ("a", "b", "c"),
        0.5,
    )
    assert "USDOL/ETA" in options.attribution
    with pytest.raises(DatasetError, match="no preset 'nope'"):
        matrix_options("nope", None)
    with pytest.raises(DatasetError, match=r"thresholds '0\.5,x'"):
        matrix_options(None, "m", thresholds="0.5,x")


def test_a_gzipped_upload_is_read() -> None:
    bundle = read_upload("upload.csv", gzip.compress(RATINGS))
    assert bundle.files["upload.csv"] == RATINGS
    with pytest.raises(DatasetError, match="more than 10 bytes once decompressed"):
        read_upload("upload.csv", gzip.compress(RATINGS), max_bytes=10)


BAD_MATRICES = [
    pytest.param(b"", "ratings.csv:1:1: empty file", id="empty"),
    pytest.param(b"role;a;b\nx;1;2\n", "ratings.csv:1:1: the header is one cell", id="semicolons"),
    pytest.param(b"role\nx\n", "ratings.csv:1:1: one column", id="one-column"),
    pytest.param(b"role,a,b\n", "ratings.csv:2:1: no role", id="header-only"),
    pytest.param(b"role,a,b\nx,1,high\n", "ratings.csv:2:3: 'high' is not a number", id="nan"),
    pytest.param(b"role,a,b\nx,1,inf\n", "ratings.csv:2:3: 'inf' is not a finite", id="inf"),
    pytest.param(b"role,a,a\nx,1,1\n", "ratings.csv:1:3: duplicate column 'a'", id="dup-col"),
    pytest.param(b"role,a,\nx,1,1\n", "ratings.csv:1:3: empty competence label", id="no-label"),
    pytest.param(
        b"role,a,b\nx,1,1\ny,0,1\nx,1,0\n",
        "ratings.csv:4:1: duplicate role 'x' (first on line 2)",
        id="dup-role",
    ),
    pytest.param(b"role,a,b\nx,1\n", "ratings.csv:2:3: 2 cells where the header has 3", id="short"),
    pytest.param(b"role,a,b\n,1,1\n", "ratings.csv:2:1: empty role label", id="empty-role"),
    pytest.param(
        b"role,caf\xe9\nx,1\n", "ratings.csv:1:9: not UTF-8 text (byte 0xe9)", id="latin-1"
    ),
    pytest.param(
        b"role,a\nx,0.1\n", "quantisation: every rating is at or below the floor", id="all-low"
    ),
]


@pytest.mark.parametrize(("data", "message"), BAD_MATRICES)
def test_bad_matrices_are_one_line_at_their_cell(data: bytes, message: str) -> None:
    with pytest.raises(DatasetError) as raised:
        imported(data)
    assert raised.value.detail.startswith(message), raised.value.detail


def test_bad_family_files_are_located() -> None:
    def families(text: str) -> None:
        bundle = Bundle("t", {"ratings.csv": RATINGS, "families.csv": text.encode()})
        import_bundle(bundle, "matrix", options=MatrixOptions(id="m"))

    with pytest.raises(DatasetError, match=r"^families\.csv:2:1 \(role\): unknown role 'Boss'"):
        families("role,family\nBoss,Management\n")
    with pytest.raises(DatasetError, match=r"^ratings\.csv:4:1: role 'Manager' has no family"):
        families(
            "role,family\nSoftware Developer,Eng\ntester,QA\n"
        )  # a code works as well as a label
    with pytest.raises(DatasetError, match=r"^families\.csv:1:2: unknown column 'group'"):
        families("role,group\nTester,Eng\n")
    with pytest.raises(DatasetError, match=r"^families\.csv:1:1: missing column 'family'"):
        families("role\nTester\n")


def test_a_matrix_bundle_needs_exactly_one_matrix() -> None:
    bundle = Bundle("upload.zip", {"a.csv": RATINGS, "b.csv": RATINGS})
    with pytest.raises(DatasetError, match="a matrix import is one CSV file"):
        import_bundle(bundle, "matrix")


def test_read_matrix_keeps_labels_lines_and_empty_cells() -> None:
    matrix = read_matrix("r.csv", b"\n" + RATINGS)  # a blank first line is skipped
    assert matrix.roles == ["Software Developer", "Tester", "Manager"]
    assert matrix.lines == [3, 4, 5]
    assert math.isnan(matrix.ratings[0, 2])
    dataset, _ = matrix_dataset(matrix, MatrixOptions(id="m", levels=1, floor=0.15))
    assert len(dataset.roles[1].requirements) == 3  # Tester: 0.5, 1.0, 0.2 are all rated
