"""Hypothesis strategies for valid deals (within the dealmap/1 contract)."""

from __future__ import annotations

from datetime import timedelta

from engine_builders import AS_OF
from hypothesis import strategies as st

from dealmap.engine.model import (
    Account,
    Assessment,
    CompetitorAffinity,
    Deal,
    Interaction,
    Objection,
    Opportunity,
    Relation,
    Research,
    Stakeholder,
)
from dealmap.method.codes import (
    BUYING_ROLES,
    CHANGE_STYLES,
    DEPARTMENTS,
    LAYERS,
    OBJECTION_KINDS,
    PERSONAL_NEEDS,
    RELATION_KINDS,
    RESEARCH_QUESTIONS,
    SIGNALS,
)

rating = st.none() | st.integers(1, 5)
signals = st.lists(st.sampled_from(SIGNALS.codes), unique=True, max_size=3).map(tuple)
days = st.integers(-10, 200).map(lambda n: AS_OF - timedelta(days=n))


@st.composite
def stakeholders(draw, pid: str) -> Stakeholder:
    return Stakeholder(
        id=pid,
        name=f"名{pid}",
        title=draw(st.sampled_from(["", "经理"])),
        layer=draw(st.sampled_from(LAYERS.codes)),
        department=draw(st.sampled_from(DEPARTMENTS.codes)),
        buying_role=draw(st.sampled_from(BUYING_ROLES.codes)),
        power=draw(rating),
        authority=draw(rating),
        change_style=draw(st.none() | st.sampled_from(CHANGE_STYLES.codes)),
        personal_need=draw(st.none() | st.sampled_from(PERSONAL_NEEDS.codes)),
        personal_wins=draw(st.sampled_from(["", "升职"])),
        objection=draw(
            st.none() | st.builds(Objection, st.sampled_from(OBJECTION_KINDS.codes), st.just("不行"))
        ),
        is_coach=draw(st.booleans()),
        competitor_affinity=tuple(
            CompetitorAffinity(name, strength)
            for name, strength in draw(
                st.dictionaries(st.sampled_from(["恒远", "鼎信"]), st.integers(0, 3))
            ).items()
        ),
    )


@st.composite
def deals(draw, max_people: int = 8) -> Deal:
    count = draw(st.integers(0, max_people))
    ids = [f"p{i}" for i in range(count)]
    people = [draw(stakeholders(pid)) for pid in ids]
    relations, assessments, interactions = [], [], []
    if ids:
        person = st.sampled_from(ids)
        triples = draw(
            st.lists(
                st.tuples(person, person, st.sampled_from(RELATION_KINDS.codes)), unique=True, max_size=12
            )
        )
        relations = [
            Relation(a, b, kind, draw(st.none() | st.integers(1, 3))) for a, b, kind in triples if a != b
        ]
        assessments = draw(
            st.lists(
                st.builds(
                    Assessment,
                    person,
                    days,
                    st.integers(-4, 4),
                    st.sampled_from(["", "原话"]),
                    signals,
                ),
                max_size=25,
            )
        )
        interactions = draw(
            st.lists(
                st.builds(
                    Interaction,
                    days,
                    st.lists(person, min_size=1, max_size=3, unique=True).map(tuple),
                    st.just("meeting"),
                    st.just(""),
                    st.none() | st.integers(-3, 3),
                    signals,
                ),
                max_size=25,
            )
        )
    answers = {q: draw(st.sampled_from(["", "有"])) for q in RESEARCH_QUESTIONS.codes}
    return Deal(
        account=Account(name="客户"),
        opportunity=Opportunity(
            name="项目", we_are_incumbent=draw(st.booleans()), research=Research(**answers)
        ),
        stakeholders=tuple(people),
        relations=tuple(relations),
        assessments=tuple(assessments),
        interactions=tuple(interactions),
        as_of=AS_OF,
    )
