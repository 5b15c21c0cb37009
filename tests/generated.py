"""Valid datasets of every shape, for properties that must hold on any dataset.

Every optional part is exercised: scale mappings, knowledge and skill items, And and
Or requirements, sheet fields with commas, quotes, newlines and non-ASCII text,
activities without tasks, documented links with and without a line.
"""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import strategies as st

from graph.models import (
    CODE_PATTERN,
    Activity,
    Area,
    CareerProfile,
    Competence,
    Dataset,
    DocumentedLink,
    Evidence,
    Family,
    KnowledgeItem,
    LevelDescriptor,
    Requirement,
    Role,
    Scale,
)

codes = st.from_regex(CODE_PATTERN, fullmatch=True).filter(lambda c: len(c) <= 20)
# Any text a spreadsheet cell can hold (not NUL, which CSV cannot carry).
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=20,
)
items = texts.filter(lambda t: t != "")  # a list item is never empty
# Names read back stripped (labels, headings): no surrounding space.
names = (
    st.text(alphabet="abcdefghij XYZ-éß,;|\"'", min_size=1, max_size=12).map(str.strip).filter(bool)
)


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    top = draw(st.integers(1, 6))
    labels = draw(st.lists(names, min_size=top, max_size=top, unique=True))
    mapping_names = draw(
        st.lists(names.filter(lambda n: n not in ("level", "label")), max_size=2, unique=True)
    )
    scale = Scale(
        labels=tuple(labels),
        mappings={
            n: tuple(draw(st.lists(texts, min_size=top, max_size=top))) for n in mapping_names
        },
    )
    area_codes = draw(st.lists(codes, min_size=1, max_size=3, unique=True))
    family_codes = draw(st.lists(codes, min_size=1, max_size=3, unique=True))
    competence_codes = draw(st.lists(codes, min_size=1, max_size=5, unique=True))
    item_keys = iter(draw(st.lists(codes, min_size=20, max_size=20, unique=True)))
    competences = [
        _competence(draw, code, draw(st.sampled_from(area_codes)), top, item_keys)
        for code in competence_codes
    ]
    role_codes = draw(st.lists(codes, min_size=1, max_size=5, unique=True))
    roles = [_role(draw, code, family_codes, competences) for code in role_codes]
    pairs = draw(
        st.lists(st.tuples(st.sampled_from(role_codes), st.sampled_from(role_codes)), max_size=3)
    )
    links = [
        DocumentedLink(
            source=a,
            target=b,
            evidence=Evidence(quote=draw(texts), line=draw(st.none() | st.integers(1, 9999))),
            note=draw(texts),
        )
        for a, b in pairs
        if a != b
    ]
    return Dataset(
        id=draw(st.from_regex(r"^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$", fullmatch=True)),
        name=draw(names),
        source=draw(texts),
        licence=draw(texts),
        attribution=draw(texts),
        scale=scale,
        families=tuple(
            Family(code=c, name=draw(texts), description=draw(texts)) for c in family_codes
        ),
        areas=tuple(Area(code=c, name=draw(texts)) for c in area_codes),
        competences=tuple(competences),
        roles=tuple(roles),
        links=tuple(links),
    )


def _competence(draw: st.DrawFn, code: str, area: str, top: int, keys: Iterator[str]) -> Competence:
    levels = sorted(draw(st.sets(st.integers(1, top), min_size=1)))
    knowledge = [
        KnowledgeItem(key=next(keys), text=draw(texts)) for _ in range(draw(st.integers(0, 2)))
    ]
    skills = [
        KnowledgeItem(key=next(keys), text=draw(texts)) for _ in range(draw(st.integers(0, 2)))
    ]
    return Competence(
        code=code,
        area=area,
        title=draw(texts),
        description=draw(texts),
        levels=tuple(LevelDescriptor(level=n, descriptor=draw(texts)) for n in levels),
        knowledge=tuple(knowledge),
        skills=tuple(skills),
    )


def _role(draw: st.DrawFn, code: str, families: list[str], competences: list[Competence]) -> Role:
    # At least one: a role with no requirement is refused (graph.validation).
    required = draw(
        st.lists(st.sampled_from(competences), min_size=1, max_size=4, unique_by=lambda c: c.code)
    )
    requirements = []
    for competence in required:
        levels = sorted(draw(st.sets(st.sampled_from(competence.applicable_levels), min_size=1)))
        combine = draw(st.sampled_from(["and", "or"])) if len(levels) > 1 else "and"
        requirements.append(
            Requirement(competence=competence.code, levels=tuple(levels), combine=combine)
        )
    activity_names = draw(st.lists(names, max_size=2, unique=True))
    # A career is its four roles.csv cells: one with every cell empty (profile "", no
    # note, no years) reads back as no career, and a note "" as no note (None), so the
    # profile and a note are never empty here (blanks, e.g. " ", are fine).
    career = draw(
        st.none()
        | st.builds(
            CareerProfile,
            profile=items,
            experience=texts,
            note=st.none() | items,
            min_experience_years=st.none() | st.integers(0, 40),
        )
    )
    return Role(
        code=code,
        family=draw(st.sampled_from(families)),
        title=draw(texts),
        alt_titles=tuple(draw(st.lists(items, max_size=2))),
        mission=draw(texts),
        activities=tuple(
            Activity(name=n, tasks=tuple(draw(st.lists(items, max_size=2)))) for n in activity_names
        ),
        activities_intro=tuple(draw(st.lists(items, max_size=2))),
        requirements=tuple(requirements),
        deliverables=tuple(draw(st.lists(items, max_size=2))),
        kpis=tuple(draw(st.lists(items, max_size=2))),
        career=career,
        trends=draw(texts),
        career_mentions=tuple(draw(st.lists(items, max_size=2))),
        source_lines=draw(st.none() | st.tuples(st.integers(0, 9999), st.integers(0, 9999))),
    )
