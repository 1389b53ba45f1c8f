"""analyze() and what_if(): the whole analysis of one deal on one day."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from dealmap.engine.checks import CHECKS, Context
from dealmap.engine.index import build_index
from dealmap.engine.influence import reached_by, relation_graph
from dealmap.engine.model import Assessment, Deal
from dealmap.engine.people import person_views
from dealmap.engine.report import Finding, Report, WhatIf
from dealmap.engine.rules import DEFAULT_RULES, Rules
from dealmap.engine.score import balance, position_score
from dealmap.method.codes import LEVEL_MAX, LEVEL_MIN
from dealmap.method.findings import SEVERITY_RANK


def analyze(deal: Deal, *, as_of: date | None = None, settings: Rules = DEFAULT_RULES) -> Report:
    """Every finding, each person's strategy, the balance and the position score of `deal`.

    `as_of` defaults to the deal's own date, then to today. Pure and deterministic: the order of
    the input lists changes nothing, except that of two assessments of one person on the same
    day the later in `deal.assessments` is the current one.
    """
    day = resolve_as_of(deal, as_of)
    index = build_index(deal, day, settings)
    supporters = [s.id for s in index.in_group("supporter")]
    ctx = Context(index, reached_by(relation_graph(deal.relations), supporters), balance(index))
    findings = sorted((f for check in CHECKS for f in check(ctx)), key=finding_order)
    return Report(
        as_of=day,
        score=position_score(index, ctx.balance),
        balance=ctx.balance,
        findings=tuple(findings),
        people=person_views(ctx),
    )


def what_if(
    deal: Deal,
    overrides: Mapping[str, int],
    *,
    as_of: date | None = None,
    settings: Rules = DEFAULT_RULES,
) -> WhatIf:
    """Re-run the analysis with some people's current level overridden; nothing is stored.

    An override replaces the level of the person's current assessment (keeping its date and
    evidence); for someone not assessed yet it adds an assessment dated `as_of`.
    """
    day = resolve_as_of(deal, as_of)
    base = analyze(deal, as_of=day, settings=settings)
    report = analyze(with_levels(deal, overrides, day), as_of=day, settings=settings)
    before = {f.key for f in base.findings}
    after = {f.key for f in report.findings}
    return WhatIf(
        report=report,
        base=base,
        gained=tuple(f for f in report.findings if f.key not in before),
        lost=tuple(f for f in base.findings if f.key not in after),
        score_delta=report.score.value - base.score.value,
        balance_delta=report.balance - base.balance,
    )


def with_levels(deal: Deal, overrides: Mapping[str, int], as_of: date) -> Deal:
    """The deal with the current level of each overridden person replaced."""
    known = {p.id for p in deal.stakeholders}
    for person, level in overrides.items():
        if person not in known:
            raise ValueError(f"unknown stakeholder: {person!r}")
        if type(level) is not int or not LEVEL_MIN <= level <= LEVEL_MAX:  # not True, not 2.5
            raise ValueError(f"level must be a whole number from {LEVEL_MIN} to {LEVEL_MAX}: {level!r}")
    assessments = list(deal.assessments)
    current = _current_positions(assessments, as_of)
    for person, level in overrides.items():
        if person in current:
            position = current[person]
            assessments[position] = assessments[position]._replace(level=level)
        else:
            assessments.append(Assessment(stakeholder=person, date=as_of, level=level))
    return replace(deal, assessments=tuple(assessments))


def _current_positions(assessments: list[Assessment], as_of: date) -> dict[str, int]:
    positions: dict[str, int] = {}
    for i, a in enumerate(assessments):
        if a.date <= as_of and (
            a.stakeholder not in positions or a.date >= assessments[positions[a.stakeholder]].date
        ):
            positions[a.stakeholder] = i
    return positions


def resolve_as_of(deal: Deal, as_of: date | None) -> date:
    """The analysis date: the one given, else the deal's, else today."""
    return as_of or deal.as_of or date.today()


def finding_order(finding: Finding) -> tuple[int, str, str]:
    """Critical first, then by code, then by subject."""
    return (SEVERITY_RANK[finding.severity], finding.code, finding.subject)
