"""Who we reach and who is mapped (ch1.s1 第三, ch2, ch5.s1 第一)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from dealmap.engine.checks.base import Context, about, finding, ids, names
from dealmap.engine.report import Finding
from dealmap.method.departments import talking_points
from dealmap.method.findings import (
    DEPARTMENT_IN_SENTENCE,
    DEPARTMENT_SHORT,
    PHRASES,
    ROLE_IN_SENTENCE,
    SINGLE_THREAD_NOBODY,
    fill,
)

#: Departments whose absence from the map is a gap (ch2.s2).
EXPECTED_DEPARTMENTS = ("purchasing", "technical", "user", "finance")


def single_thread(ctx: Context) -> Iterator[Finding]:
    """COV_SINGLE_THREAD: fewer than `min_threads` people had an interaction in the contact window."""
    contacted = [s for s in ctx.index.people.values() if s.contacts]
    if len(contacted) < ctx.index.rules.min_threads:
        days = ctx.index.rules.contact_window_days
        found = finding(
            "COV_SINGLE_THREAD", stakeholders=ids(contacted), days=days, contacted=_contacted(contacted)
        )
        if not contacted:
            message, action = SINGLE_THREAD_NOBODY
            found = replace(found, message=fill(message, days=days), action=action)
        yield found


def _contacted(people) -> object:
    """ "nobody", "only one person (name)" or "only N people (names)"."""
    if not people:
        return PHRASES["contacted_none"]
    phrase = PHRASES["contacted_one"] if len(people) == 1 else PHRASES["contacted_some"]
    return fill(phrase, count=len(people), names=names(people))


def single_department(ctx: Context) -> Iterator[Finding]:
    """COV_SINGLE_DEPARTMENT: everyone contacted in the window (at least one) is in one department."""
    contacted = [s for s in ctx.index.people.values() if s.contacts]
    departments = {s.person.department for s in contacted}
    if len(departments) == 1:
        (department,) = departments
        yield finding(
            "COV_SINGLE_DEPARTMENT",
            stakeholders=ids(contacted),
            departments=departments,
            days=ctx.index.rules.contact_window_days,
            names=names(contacted),
            department=DEPARTMENT_IN_SENTENCE[department],
            others=[DEPARTMENT_SHORT[d] for d in EXPECTED_DEPARTMENTS if d != department],
        )


def no_decision_layer(ctx: Context) -> Iterator[Finding]:
    """COV_NO_DECISION_LAYER: nobody in layer `decision` is mapped."""
    if not any(s.person.layer == "decision" for s in ctx.index.people.values()):
        yield finding("COV_NO_DECISION_LAYER")


def department_gap(ctx: Context) -> Iterator[Finding]:
    """COV_DEPARTMENT_GAP: one finding per expected department with nobody mapped."""
    mapped = {s.person.department for s in ctx.index.people.values()}
    for department in EXPECTED_DEPARTMENTS:
        if department not in mapped:
            yield finding(
                "COV_DEPARTMENT_GAP",
                subject=department,
                departments=(department,),
                department=DEPARTMENT_IN_SENTENCE[department],
                point=talking_points(department)[0].text,
            )


def unassessed(ctx: Context) -> Iterator[Finding]:
    """COV_UNASSESSED: a key stakeholder has no assessment."""
    for state in ctx.index.people.values():
        if state.key and state.current is None:
            yield about("COV_UNASSESSED", state, role=ROLE_IN_SENTENCE[state.person.buying_role])
