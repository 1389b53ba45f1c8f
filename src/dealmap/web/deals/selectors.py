"""Reads for deals; each takes the acting user and returns only what they may see."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from dealmap.web.deals.models import Assessment, Deal, Part


def deal_list(*, user, account=None) -> QuerySet[Deal]:
    """The deals ``user`` may see, optionally only those at ``account``."""
    deals = Deal.objects.visible_to(user).select_related("account", "account__owner")
    if account is not None:
        deals = deals.filter(account=account)
    return deals


def deal_get(*, user, pk: int) -> Deal:
    """One deal ``user`` may see; Http404 whether it is missing or forbidden."""
    try:
        return Deal.objects.visible_to(user).select_related("account", "account__owner").get(pk=pk)
    except Deal.DoesNotExist:
        raise Http404("No such deal.") from None


@dataclass(frozen=True)
class Member:
    """One row of a deal's buying group: a person's part and their current attitude."""

    part: Part
    latest: Assessment | None

    @property
    def person(self):
        return self.part.person


def deal_buying_group(*, user, deal: Deal) -> list[Member]:
    """The buying group of a deal ``user`` may see, each with their latest assessment.

    Two queries whatever the size of the group. The latest assessment is the last in
    (date, recorded_at, id) order, the engine's tie-break.
    """
    deal = deal_get(user=user, pk=deal.pk)
    parts = list(deal.parts.select_related("person", "person__reports_to").order_by("id"))
    latest: dict[int, Assessment] = {}
    for assessment in deal.assessments.order_by("date", "recorded_at", "id"):
        latest[assessment.person_id] = assessment
    return [Member(part=part, latest=latest.get(part.person_id)) for part in parts]
