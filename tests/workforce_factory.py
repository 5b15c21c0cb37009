"""A tiny workforce on tests.factories.tiny_dataset, small enough to check every number by hand.

person unit   role  assessed             holdings
P1     Alpha  3.2   B1 e-4 (certified)   B1 4, C1 1
P2     Alpha  3.2   B1 e-1 (self)        B1 1, C1 1
P3     Alpha  3.4   -                    A1 3, B1 4, B2 3
P4     Alpha  4.1   C1 e-2               C1 2
P5     Alpha  2.3   B2 e-3, E2 e-2       B2 3, E2 2
P6     Beta   3.2   A1 e-3, B2 e-3       A1 3, B1 2, B2 3, C1 1
P7     Beta   -     B1 e-3               B1 3
P8     -      1.1   -                    A1 4, E2 3
"""

from __future__ import annotations

from datetime import date

from graph.workforce.models import Assessment, Person, Source, Workforce

ON = date(2024, 6, 1)


def assessed(competence: str, level: int, source: Source = "manager") -> Assessment:
    return Assessment(competence=competence, level=level, source=source, assessed_on=ON)


def tiny_workforce(dataset: str = "test") -> Workforce:
    return Workforce(
        dataset=dataset,
        people=(
            Person(
                id="P1", unit="Alpha", role="3.2", assessments=(assessed("B1", 4, "certified"),)
            ),
            Person(id="P2", unit="Alpha", role="3.2", assessments=(assessed("B1", 1, "self"),)),
            Person(id="P3", unit="Alpha", role="3.4"),
            Person(id="P4", unit="Alpha", role="4.1", assessments=(assessed("C1", 2),)),
            Person(
                id="P5",
                unit="Alpha",
                role="2.3",
                assessments=(assessed("B2", 3), assessed("E2", 2)),
            ),
            Person(
                id="P6", unit="Beta", role="3.2", assessments=(assessed("A1", 3), assessed("B2", 3))
            ),
            Person(id="P7", unit="Beta", assessments=(assessed("B1", 3),)),
            Person(id="P8", role="1.1"),
        ),
    )
