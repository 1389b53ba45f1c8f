"""Tiny builders for engine tests: a healthy deal that raises nothing, and ways to spoil it.

`make_deal()` gives a deal whose analysis has no finding at all; each test changes one thing
and checks that exactly the expected finding appears (or, at the edge, does not).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from dealmap.engine import analyze
from dealmap.engine.model import (
    Account,
    Assessment,
    Deal,
    Interaction,
    Objection,
    Opportunity,
    Relation,
    Research,
    Stakeholder,
)

AS_OF = date(2026, 11, 27)

FULL_RESEARCH = Research(
    who_proposed="生产部",
    why="旧系统跟不上",
    strategy_link="数字化工厂",
    goals="交付周期缩短",
    target_market="三个基地",
    new_or_iteration="迭代",
    timeline="明年一季度",
)


def ago(days: int) -> date:
    """The day `days` before AS_OF (negative: after it)."""
    return AS_OF - timedelta(days=days)


def person(pid: str, **changes) -> Stakeholder:
    """A non-key management-layer user-department person unless told otherwise."""
    base = Stakeholder(
        id=pid,
        name=f"N-{pid}",
        title=f"T-{pid}",
        layer="management",
        department="user",
        buying_role="influencer",
        power=3,
        authority=3,
        personal_wins="按期投产",
        personal_need="belonging",
    )
    return replace(base, **changes)


def assess(pid: str, level: int, days_ago: int = 10, *, evidence: str = "原话", **changes) -> Assessment:
    return Assessment(stakeholder=pid, date=ago(days_ago), level=level, evidence=evidence, **changes)


def meet(*pids: str, days_ago: int = 5, **changes) -> Interaction:
    return Interaction(date=ago(days_ago), stakeholders=tuple(pids), **changes)


def healthy_people() -> list[Stakeholder]:
    return [
        person(
            "ceo",
            layer="decision",
            department="executive",
            buying_role="decision_maker",
            power=5,
            authority=5,
            personal_need="self_actualization",
        ),
        person("buyer", department="purchasing", buying_role="evaluator"),
        person("cto", department="technical", buying_role="evaluator"),
        person("user", department="user", is_coach=True),
        person("cfo", department="finance", buying_role="evaluator"),
    ]


def make_deal(
    *,
    people: list[Stakeholder] | None = None,
    assessments: list[Assessment] | None = None,
    interactions: list[Interaction] | None = None,
    relations: list[Relation] | None = None,
    research: Research = FULL_RESEARCH,
    incumbent: bool = False,
) -> Deal:
    """A deal that raises no finding; pass any part to replace it."""
    people = healthy_people() if people is None else people
    if assessments is None:
        assessments = [assess(p.id, 3 if p.id == "ceo" else 2) for p in people]
    if interactions is None:
        interactions = [meet(p.id) for p in people]
    return Deal(
        account=Account(name="客户"),
        opportunity=Opportunity(name="项目", research=research, we_are_incumbent=incumbent),
        stakeholders=tuple(people),
        relations=tuple(relations or ()),
        assessments=tuple(assessments),
        interactions=tuple(interactions),
        as_of=AS_OF,
    )


def change(deal: Deal, pid: str, **changes) -> Deal:
    """The deal with one person's attributes changed."""
    people = tuple(replace(p, **changes) if p.id == pid else p for p in deal.stakeholders)
    return replace(deal, stakeholders=people)


def add(deal: Deal, *records) -> Deal:
    """The deal with more people, relations, assessments or interactions appended."""
    fields = {
        Stakeholder: "stakeholders",
        Relation: "relations",
        Assessment: "assessments",
        Interaction: "interactions",
    }
    for record in records:
        name = fields[type(record)]
        deal = replace(deal, **{name: (*getattr(deal, name), record)})
    return deal


def without_records(deal: Deal, pid: str) -> Deal:
    """The deal with a person's assessments and interactions removed (the person stays)."""
    return replace(
        deal,
        assessments=tuple(a for a in deal.assessments if a.stakeholder != pid),
        interactions=tuple(i for i in deal.interactions if pid not in i.stakeholders),
    )


def findings(deal: Deal, **kwargs) -> set[tuple[str, str]]:
    """(code, subject) of every finding of the deal's analysis."""
    return {(f.code, f.subject) for f in analyze(deal, **kwargs).findings}


def codes(deal: Deal, **kwargs) -> set[str]:
    return {f.code for f in analyze(deal, **kwargs).findings}


def not_for_me(text: str = "我担不起") -> Objection:
    return Objection(kind="not_for_me", text=text)
