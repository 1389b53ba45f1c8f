"""History replay: the deal as it stood on a past day, as far as the database can tell.

Assessments and interactions carry their own date, so anything dated after the day is dropped.
People, their parts and relations carry no such date, only when the row was created; an imported
deal creates every row on the day of the import although its history goes back months. So a person
counts as known on a day when their part was created by then *or* something dated by then
(an assessment, an interaction they took part in) mentions them. Fields edited later (title,
power, notes…) show their current value: the database keeps no history of them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from django.utils import timezone

from dealmap.engine.model import Deal


def added_on(created: datetime, today: date) -> date:
    """The day a part was added, never later than the project clock's today.

    Rows are stamped by the real clock and the page's day comes from ``core.clock``; the two agree
    in production, but a part stamped just after local midnight must not vanish from a page whose
    clock still says yesterday (as with a fixed clock in tests).
    """
    return min(timezone.localdate(created), today)


def started_on(deal: Deal, created: datetime, today: date) -> date:
    """The first day the deal existed for us: when it was created, or its first recorded
    assessment or interaction if an import brought an earlier history. A trend or a replay before
    it would compare with a deal that was not there yet (an empty map scores 20)."""
    dates = [a.date for a in deal.assessments] + [i.date for i in deal.interactions]
    return min([added_on(created, today), *dates])


def deal_as_of(deal: Deal, day: date, *, added: dict[str, date]) -> Deal:
    """``deal`` as known on ``day``; ``added`` maps each person's id to the day their part was created."""
    assessments = tuple(a for a in deal.assessments if a.date <= day)
    interactions = tuple(i for i in deal.interactions if i.date <= day)
    mentioned = {a.stakeholder for a in assessments} | {k for i in interactions for k in i.stakeholders}
    known = {p.id for p in deal.stakeholders if p.id in mentioned or added.get(p.id, day) <= day}
    people = tuple(
        replace(p, reports_to=p.reports_to if p.reports_to in known else None)
        for p in deal.stakeholders
        if p.id in known
    )
    return replace(
        deal,
        stakeholders=people,
        relations=tuple(r for r in deal.relations if r.source in known and r.target in known),
        assessments=assessments,
        interactions=tuple(
            i._replace(stakeholders=tuple(k for k in i.stakeholders if k in known)) for i in interactions
        ),
        as_of=day,
    )


def parts_added(deal, today: date) -> dict[str, date]:
    """The day each person's part in the stored ``deal`` was added, by person key (one query)."""
    return {
        key: added_on(created, today) for key, created in deal.parts.values_list("person__key", "created_at")
    }
