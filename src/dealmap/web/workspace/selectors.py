"""Reads for the workspace; each takes the acting user and answers 404 for what they may not see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.http import Http404

from dealmap.engine import analyze
from dealmap.engine.model import Assessment, Interaction, Stakeholder
from dealmap.engine.model import Deal as DomainDeal
from dealmap.engine.report import PersonView, Report
from dealmap.web.accounts.selectors import account_editable
from dealmap.web.core import clock
from dealmap.web.deals.domain import deal_to_domain
from dealmap.web.deals.models import Deal, Part
from dealmap.web.deals.replay import deal_as_of, parts_added, started_on
from dealmap.web.deals.selectors import deal_get, deal_get_for_edit

#: The score trend: this many points, this many days apart, ending on the day shown.
TREND_POINTS, TREND_STEP_DAYS = 7, 15


@dataclass(frozen=True)
class Workspace:
    """A deal as the workspace shows it on one day: the stored rows, the engine's view and report."""

    deal: Deal
    domain: DomainDeal
    report: Report
    as_of: date
    today: date
    trend: tuple[tuple[date, int], ...]
    editable: bool = False
    #: The first day the deal existed for us (``deals.replay.started_on``).
    started: date = date.min

    @property
    def readonly(self) -> bool:
        """No forms: a past day is shown, or the user may only read this deal."""
        return self.replay or not self.editable

    @property
    def replay(self) -> bool:
        """True when showing a past day: the page is read-only then."""
        return self.as_of < self.today

    @property
    def people(self) -> dict[str, Stakeholder]:
        return {p.id: p for p in self.domain.stakeholders}

    @property
    def views(self) -> dict[str, PersonView]:
        return {v.id: v for v in self.report.people}

    def assessments_of(self, key: str) -> list[Assessment]:
        return [a for a in self.domain.assessments if a.stakeholder == key]

    def interactions_of(self, key: str) -> list[Interaction]:
        return [i for i in self.domain.interactions if key in i.stakeholders]


def deal_workspace(
    *, user, pk: int, as_of: date | None = None, trend: bool = True, for_edit: bool = False
) -> Workspace:
    """The deal ``user`` may see, analysed as of ``as_of`` (default and latest: today).

    ``for_edit`` raises PermissionDenied when the user may only read the deal (Http404 when they
    may not see it). A constant number of queries whatever the deal's size: the deal, whether the
    user may edit it, the rows the engine reads, and the day each person's part was added.
    """
    deal = deal_get_for_edit(user=user, pk=pk) if for_edit else deal_get(user=user, pk=pk)
    editable = for_edit or account_editable(user=user, account=deal.account)
    today = clock.today()
    day = min(as_of or today, today)
    added = parts_added(deal, today)
    full = deal_to_domain(deal, as_of=day)
    domain = deal_as_of(full, day, added=added)
    report = analyze(domain, as_of=day)
    points: tuple[tuple[date, int], ...] = ((day, report.score.value),)
    since = started_on(full, deal.created_at, today)
    if trend:
        points = score_trend(full, day, added=added, last=report, since=since)
    return Workspace(
        deal=deal,
        domain=domain,
        report=report,
        as_of=day,
        today=today,
        trend=points,
        editable=editable,
        started=since,
    )


def score_trend(full: DomainDeal, day: date, *, added: dict[str, date], last: Report, since: date = date.min):
    """The position score on evenly spaced past days, oldest first, ending with ``last`` on ``day``;
    none before ``since``, the day the deal started (it scored the empty map's 20 there)."""
    points = []
    for step in range(TREND_POINTS - 1, 0, -1):
        if day.toordinal() - step * TREND_STEP_DAYS < 1:  # before the calendar starts: no point
            continue
        past = day - timedelta(days=step * TREND_STEP_DAYS)
        if past < since:
            continue
        points.append((past, analyze(deal_as_of(full, past, added=added), as_of=past).score.value))
    points.append((day, last.score.value))
    return tuple(points)


def deal_part_get(*, user, deal: Deal, key: str) -> Part:
    """A person's part in a deal ``user`` may see, by the person's key; Http404 otherwise."""
    deal = deal_get(user=user, pk=deal.pk)
    try:
        return deal.parts.select_related("person", "person__reports_to").get(person__key=key)
    except Part.DoesNotExist:
        raise Http404("No such person in this deal.") from None
