"""The parse of the CIGREF 2011 source, checked against sheets read by hand.

Expected values were read from seed/source/cigref_2011_en.txt at the lines noted.
"""

from __future__ import annotations

from functools import cache

import pytest

from graph.models import Dataset, Role
from seed import cigref, ecf
from seed.anomalies import AnomalyLog
from seed.errors import SourceFormatError
from seed.links import condition_of
from seed.parse import Parsed, parse
from seed.roles import RequirementRow, requirements


@cache
def parsed() -> Parsed:
    return parse()


def dataset() -> Dataset:
    return parsed().dataset


def role(code: str) -> Role:
    return next(r for r in dataset().roles if r.code == code)


def levels_of(code: str) -> dict[str, tuple[int, ...]]:
    return {r.competence: r.levels for r in role(code).requirements}


def test_counts_from_the_source() -> None:
    data = dataset()
    assert len(data.families) == 7
    assert len(data.roles) == 33
    assert len(data.competences) == 36
    assert [a.code for a in data.areas] == ["A", "B", "C", "D", "E"]
    assert [a.name for a in data.areas] == ["PLAN", "BUILD", "RUN", "ENABLE", "MANAGE"]
    assert sum(len(r.requirements) for r in data.roles) == 311


def test_role_codes_include_4_10_and_follow_the_families() -> None:
    per_family = {
        f.code: [r.code for r in dataset().roles if r.family == f.code] for f in dataset().families
    }
    assert per_family["4"][-1] == "4.10"
    assert [len(codes) for codes in per_family.values()] == [5, 3, 5, 10, 2, 3, 5]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        # lines 416-436
        (
            "1.1",
            {"A3": (4,), "A4": (3,), "A6": (1,), "A8": (3,), "E3": (3,), "E4": (4,), "E5": (3,)},
        ),
        # lines 569-622, across three pages ("COMPETENCES (suite)" at 601)
        (
            "1.3",
            {
                "A1": (4,),
                "A2": (3,),
                "A3": (4,),
                "A8": (3,),
                "D9": (4,),
                "D10": (5,),
                "E2": (4,),
                "E3": (2,),
                "E4": (4,),
                "E5": (3,),
                "E6": (2,),
                "E7": (4,),
                "E9": (5,),
            },
        ),
        # lines 1059-1149; B2 "And Level 4" at 1091, D4 "Or Level 3" at 1113
        (
            "2.3",
            {
                "A2": (3,),
                "A4": (4,),
                "A5": (3,),
                "A6": (3,),
                "A8": (3,),
                "B1": (3,),
                "B2": (3, 4),
                "B3": (2,),
                "B4": (3,),
                "B5": (2,),
                "C2": (3,),
                "D2": (4,),
                "D4": (2, 3),
                "D8": (2,),
                "D9": (3,),
                "D10": (3,),
                "E2": (4,),
                "E3": (2,),
                "E4": (3,),
                "E6": (2,),
                "E7": (3,),
                "E8": (2,),
            },
        ),
        # lines 1310-1342; B1 "And Level 3/4" at 1323, 1325
        (
            "3.2",
            {
                "A6": (1,),
                "A8": (3,),
                "B1": (2, 3, 4),
                "B2": (2,),
                "B3": (2,),
                "B4": (2,),
                "B5": (2,),
            },
        ),
        # lines 1396-1411; B2 row split, area label on the description row (1397)
        ("3.3", {"B2": (2,), "B3": (3,), "B4": (2,), "B5": (2,), "D10": (3,)}),
        # lines 1543-1573; B1 "And Level 3/4" at 1554, 1556
        ("3.5", {"A6": (1,), "B1": (2, 3, 4), "B2": (2,), "B3": (2,), "B4": (2,), "B5": (2,)}),
        # lines 1894-1938; C2 "And Level 3" at 1919
        (
            "4.4",
            {
                "B2": (3,),
                "B3": (2,),
                "B4": (2,),
                "B5": (2,),
                "C1": (2,),
                "C2": (2, 3),
                "C3": (2,),
                "C4": (2,),
                "D10": (3,),
                "E8": (2,),
            },
        ),
        # lines 2146-2159
        ("4.7", {"B5": (1,), "C3": (1,), "C4": (2,)}),
        # lines 2582-2593
        ("5.2", {"C1": (2,), "C3": (1,)}),
        # lines 2654-2726; E5 at 2705, E6 at 2709/2711, E8 at 2724/2726
        (
            "6.1",
            {
                "A7": (4,),
                "A8": (3,),
                "B5": (3,),
                "D1": (4,),
                "D2": (4,),
                "D3": (3,),
                "D9": (2,),
                "D10": (5,),
                "E3": (3,),
                "E4": (2,),
                "E5": (3, 4),
                "E6": (2, 3, 4),
                "E8": (2, 3, 4),
            },
        ),
        # lines 2939-2966; "D. ENABLE A3" at 2943
        (
            "7.1",
            {
                "A1": (5,),
                "A2": (4,),
                "A3": (5,),
                "A8": (4,),
                "D9": (4,),
                "E3": (3,),
                "E4": (4,),
                "E7": (5,),
                "E8": (3,),
                "E9": (5,),
            },
        ),
    ],
)
def test_requirements_match_the_sheet(code: str, expected: dict[str, tuple[int, ...]]) -> None:
    assert levels_of(code) == expected


def test_every_multi_level_requirement() -> None:
    found = {(r.competence, r.levels, r.line) for r in parsed().multi_level}
    assert found == {
        ("B2", (3, 4), 1089),
        ("D4", (2, 3), 1111),
        ("A6", (1, 3), 1475),
        ("B1", (2, 3, 4), 1321),
        ("B1", (2, 3, 4), 1552),
        ("C2", (2, 3), 1917),
        ("E5", (3, 4), 2703),
        ("E6", (2, 3, 4), 2707),
        ("E8", (2, 3, 4), 2722),
    }
    or_rows = {r.line: r.connectors for r in parsed().multi_level if "Or" in r.connectors}
    assert or_rows == {1111: ("Or",), 1475: ("Or",)}


def test_how_the_levels_are_joined_is_kept() -> None:
    # "Or Level 3" at lines 1113 (2.3 D4) and 1476 (3.4 A6); every other extra level
    # is "And Level n" (lines 1091, 1323-1325, 1554-1556, 1919, 2705, 2709-2711, 2724-2726)
    joined = {
        (role_.code, q.competence, q.levels, q.combine)
        for role_ in dataset().roles
        for q in role_.requirements
        if len(q.levels) > 1
    }
    assert joined == {
        ("2.3", "B2", (3, 4), "and"),
        ("2.3", "D4", (2, 3), "or"),
        ("3.2", "B1", (2, 3, 4), "and"),
        ("3.4", "A6", (1, 3), "or"),
        ("3.5", "B1", (2, 3, 4), "and"),
        ("4.4", "C2", (2, 3), "and"),
        ("6.1", "E5", (3, 4), "and"),
        ("6.1", "E6", (2, 3, 4), "and"),
        ("6.1", "E8", (2, 3, 4), "and"),
    }
    single = [q for r in dataset().roles for q in r.requirements if len(q.levels) == 1]
    assert len(single) == 311 - 9
    assert {q.combine for q in single} == {"and"}


def _row(competence: str, levels: tuple[int, ...], connectors: tuple[str, ...]) -> RequirementRow:
    return RequirementRow(competence, "title", levels, connectors, 10)


def test_a_requirement_takes_its_connector() -> None:
    found = requirements(
        [
            _row("A6", (1, 3), ("Or",)),
            _row("B1", (2, 3, 4), ("And", "And")),
            _row("B2", (2,), ()),
        ],
        AnomalyLog(),
    )
    assert [(q.competence, q.levels, q.combine) for q in found] == [
        ("A6", (1, 3), "or"),
        ("B1", (2, 3, 4), "and"),
        ("B2", (2,), "and"),
    ]


def test_and_mixed_with_or_stops_the_parse() -> None:
    with pytest.raises(
        SourceFormatError, match="line 10: B1 joins its levels with both And and Or"
    ):
        requirements([_row("B1", (2, 3, 4), ("And", "Or"))], AnomalyLog())


def test_a_level_hidden_in_a_description_cell_is_read() -> None:
    # line 1476: A6's description cell ends "<p>Or Level 3</p>": non-contiguous levels
    assert levels_of("3.4") == {
        "A5": (3,),
        "A6": (1, 3),
        "B2": (4,),
        "B3": (2,),
        "B4": (1,),
        "B5": (2,),
    }
    hidden = [a for a in parsed().anomalies if a.kind == "level inside description"]
    assert [a.line for a in hidden] == [1476]


def test_the_code_decides_the_area_not_the_printed_label() -> None:
    # line 500: "D. ENABLE	A8. Sustainable Development"; line 502: "E. MANAGE	D2. ..."
    assert levels_of("1.2")["A8"] == (3,)
    assert levels_of("1.2")["D2"] == (4,)
    competences = {c.code: c for c in dataset().competences}
    assert competences["A8"].area == "A"
    assert competences["D2"].area == "D"
    assert all(c.area == c.code[0] for c in dataset().competences)
    labels = {a.line for a in parsed().anomalies if a.kind == "area label"}
    assert {500, 502, 586, 2847} <= labels


def test_competence_levels_and_descriptors() -> None:
    competences = {c.code: c for c in dataset().competences}
    assert competences["A1"].applicable_levels == (4, 5)
    assert competences["A6"].applicable_levels == (1, 2, 3)
    assert competences["B1"].applicable_levels == (2, 3, 4, 5)
    assert competences["E9"].applicable_levels == (4, 5)
    assert competences["A1"].title == "IS and Business Strategy Alignment"
    assert competences["A5"].title == "Architecture Design"  # printed 'architecture Design'
    assert competences["A1"].description.startswith("Anticipates long term business")
    assert competences["B3"].descriptor(1) == (
        "Performs simple tests in strict compliance with detailed instructions"
    )


def test_knowledge_and_skill_items() -> None:
    competences = {c.code: c for c in dataset().competences}
    a1 = competences["A1"]
    assert [k.key for k in a1.knowledge] == [f"A1.K{i}" for i in range(1, 6)]
    assert [s.key for s in a1.skills] == [f"A1.S{i}" for i in range(1, 6)]
    assert a1.knowledge[0].text == "business strategy concepts"
    assert (len(competences["A3"].knowledge), len(competences["A3"].skills)) == (7, 5)
    assert sum(len(c.knowledge) for c in dataset().competences) == 150
    assert sum(len(c.skills) for c in dataset().competences) == 167


def test_skill_items_with_an_unusual_marker_are_their_own_items() -> None:
    # line 3565: "S5 lead purchase process improvement S6. Analyse the energy ..."
    # line 3621: "S4 delegate tasks ... appropriately S5,manage external ,contracted ..."
    competences = {c.code: c for c in dataset().competences}
    d4 = {s.key: s.text for s in competences["D4"].skills}
    assert d4["D4.S5"] == "lead purchase process improvement"
    assert d4["D4.S6"] == (
        "Analyse the energy efficiency and environmental-related aspects of a proposal"
    )
    e2 = {s.key: s.text for s in competences["E2"].skills}
    assert list(e2) == [f"E2.S{i}" for i in range(1, 7)]
    assert e2["E2.S4"] == "delegate tasks and manage team member contributions appropriately"
    assert e2["E2.S5"] == "manage external ,contracted resources to achieve project objectives"
    markers = {(a.line, a.action) for a in parsed().anomalies if a.kind == "item marker"}
    assert markers == {(3565, "read as item D4.S6"), (3621, "read as item E2.S5")}
    assert not [a for a in parsed().anomalies if a.kind == "item numbering"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # the usual layout: knowledge in the first cell, skills three cells on
        (
            "\tK1 concepts K2 trends\t\t\tS1 analyse S2 decide\t",
            [("K", 1, "concepts"), ("K", 2, "trends"), ("S", 1, "analyse"), ("S", 2, "decide")],
        ),
        # skills two cells on (ten competences), or in the knowledge cell itself
        ("\tK1 concepts\t\tS1 analyse\t\t", [("K", 1, "concepts"), ("S", 1, "analyse")]),
        ("K1 concepts S1 analyse", [("K", 1, "concepts"), ("S", 1, "analyse")]),
        # D4: a full stop after the number, the text capitalised
        (
            "S5 lead improvement S6. Analyse the energy",
            [("S", 5, "lead improvement"), ("S", 6, "Analyse the energy")],
        ),
        # E2: a comma after the number and no space
        (
            "S4 delegate tasks S5,manage external resources",
            [("S", 4, "delegate tasks"), ("S", 5, "manage external resources")],
        ),
        # other punctuation a numbering may use
        (
            "K1: models K2) methods K3 - tools",
            [("K", 1, "models"), ("K", 2, "methods"), ("K", 3, "tools")],
        ),
        # not markers: a word (KPI), a code inside a word (DSS5), a number then a letter (S5a)
        ("K1 KPI and DSS5 ... etc S5a", [("K", 1, "KPI and DSS5 ... etc S5a")]),
    ],
)
def test_item_splitting_handles_each_marker_variant(
    line: str, expected: list[tuple[str, int, str]]
) -> None:
    assert [(i.kind, i.number, i.text) for i in ecf.split_items(line)] == expected


def test_unusual_markers_and_gaps_in_the_numbering_are_recorded() -> None:
    log = AnomalyLog()
    knowledge, skills = ecf.knowledge_items(
        "X1", [(10, "Knowledge\tSkills"), (11, "K1 a K3 b\tS1 c S2. d")], log
    )
    assert [k.key for k in knowledge] == ["X1.K1", "X1.K3"]
    assert [s.key for s in skills] == ["X1.S1", "X1.S2"]
    assert {(a.line, a.kind, a.action) for a in log.items} == {
        (11, "item numbering", "X1 K items numbered [1, 3]; kept"),
        (11, "item marker", "read as item X1.S2"),
    }


def test_unused_competences_are_computed() -> None:
    used = {r.competence for role_ in dataset().roles for r in role_.requirements}
    assert sorted({c.code for c in dataset().competences} - used) == ["D6", "E1"]


def test_sheet_fields() -> None:
    consultant = role("1.1")
    assert consultant.source_lines == (396, 465)
    assert consultant.alt_titles[:3] == (
        "Consultant",
        "IS Engineering Contractor",
        "Project Integrator",
    )
    assert consultant.career.min_experience_years == 10
    assert "Internal Customer Manager" not in role("1.5").alt_titles
    assert role("7.2").alt_titles.count("IT Services Manager") == 1
    assert "Network & telecommunications Technician" in role("4.3").alt_titles
    assert role("2.2").career.min_experience_years == 3
    assert role("4.10").career.min_experience_years == 5
    assert role("4.1").career.min_experience_years is None
    assert role("4.4").career.note == "Possibility of becoming an Backoffice Technician."
    assert role("3.3").activities_intro[0] == (
        "Some Test Managers may have a team under their control."
    )
    backoffice = role("4.1").activities
    assert backoffice[0].tasks[:2] == (
        "Carries out IT work, and passes on production results in compliance with expected "
        "delivery and quality standards",
        "Supervises printing",
    )
    assert all("<" not in task for r in dataset().roles for a in r.activities for task in a.tasks)


def test_documented_links_and_their_direction() -> None:
    links = {(link.source, link.target, link.evidence.line) for link in dataset().links}
    assert links == {
        ("2.2", "1.3", 642),
        ("2.3", "1.3", 642),
        ("2.2", "2.1", 1028),
        ("3.1", "2.1", 1286),
        ("3.1", "2.3", 1286),
        ("3.3", "2.2", 1442),
        ("4.4", "4.1", 1956),
        ("2.1", "7.5", 3377),
    }
    to_director = next(link for link in dataset().links if link.evidence.line == 1028)
    assert "Project Director" in to_director.note
    assert "may lead to" in to_director.evidence.quote


def test_a_quote_opening_with_a_condition_limits_its_move() -> None:
    conditions = {(link.source, link.target): link.condition for link in dataset().links}
    assert conditions.pop(("3.3", "2.2")) == "If they initially came from Business departments"
    # "Entrusted to an experienced Manager, ..." describes the holder: no condition.
    assert set(conditions.values()) == {""}


@pytest.mark.parametrize(
    ("quote", "condition"),
    [
        ("If they came from sales, they may lead to X.", "If they came from sales"),
        ("Only if certified, possibility of becoming X.", "Only if certified"),
        ("Provided that they manage a team, may move into X.", "Provided that they manage a team"),
        ("May move into Project Manager roles.", ""),
        ("Entrusted to an experienced Manager, this role may lead to X.", ""),
        ("Good experience, if any, may lead to X.", ""),
    ],
)
def test_only_a_leading_conditional_clause_is_a_condition(quote: str, condition: str) -> None:
    assert condition_of(quote) == condition


def test_mentions_without_a_named_role_are_not_links() -> None:
    assert role("2.3").career_mentions == (
        "For a dominant information system, the IT Project Manager generally comes from the "
        "Information Systems Department.",
    )
    assert not any(link.evidence.line == 1173 for link in dataset().links)


def test_page_furniture_is_recorded() -> None:
    kinds = {a.kind for a in parsed().anomalies}
    assert {
        "page number",
        "repeated role title",
        "continued heading",
        "heading variant",
        "page footer",
    } <= kinds
    variants = {a.text for a in parsed().anomalies if a.kind == "heading variant"}
    assert "COMPETENCES (suite)" in variants
    assert "TRENDS AND FACTORS FOR CHANGE" in variants


def test_the_parsed_data_keeps_the_cigref_conventions() -> None:
    assert cigref.problems(dataset()) == []
    renamed = dataset().roles[0].model_copy(update={"code": "9.1"})
    broken = dataset().model_copy(update={"roles": (renamed, *dataset().roles[1:])})
    assert [str(p) for p in cigref.problems(broken)] == [
        "roles.json: role 9.1: code: not of the form F.N (1.1 .. 7.10)"
    ]
