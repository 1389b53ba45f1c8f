"""Reads for deals; each takes the acting user and returns only what they may see."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from dealmap.web.accounts.models import visibility_q
from dealmap.web.deals.models import Assessment, Deal, Interaction, Part


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


# -- the rest of a deal, each restricted through visibility_q / editable_q ----------------------


def deal_get_for_edit(*, user, pk: int) -> Deal:
    """A deal ``user`` may change; Http404 if not visible, PermissionDenied if read-only."""
    from dealmap.web.accounts.selectors import account_editable

    deal = deal_get(user=user, pk=pk)
    if not account_editable(user=user, account=deal.account):
        raise PermissionDenied("read-only")
    return deal


def part_list(*, user, deal_id: int | None = None) -> QuerySet[Part]:
    parts = Part.objects.filter(visibility_q(user, via="deal__account__")).order_by("id")
    return parts if deal_id is None else parts.filter(deal_id=deal_id)


def part_get(*, user, pk: int) -> Part:
    try:
        return part_list(user=user).select_related("deal__account", "person").get(pk=pk)
    except Part.DoesNotExist:
        raise Http404("No such part.") from None


def part_get_for_edit(*, user, pk: int) -> Part:
    from dealmap.web.accounts.selectors import account_editable

    part = part_get(user=user, pk=pk)
    if not account_editable(user=user, account=part.deal.account):
        raise PermissionDenied("read-only")
    return part


def assessment_list(
    *, user, deal_id: int | None = None, person_id: int | None = None
) -> QuerySet[Assessment]:
    """Assessments at deals ``user`` may see, in the engine's order (date, recorded_at, id)."""
    rows = (
        Assessment.objects.filter(visibility_q(user, via="deal__account__"))
        .select_related("recorded_by")
        .order_by("date", "recorded_at", "id")
    )
    if deal_id is not None:
        rows = rows.filter(deal_id=deal_id)
    if person_id is not None:
        rows = rows.filter(person_id=person_id)
    return rows


def assessment_get(*, user, pk: int) -> Assessment:
    try:
        return assessment_list(user=user).get(pk=pk)
    except Assessment.DoesNotExist:
        raise Http404("No such assessment.") from None


def interaction_list(*, user, deal_id: int | None = None) -> QuerySet[Interaction]:
    rows = (
        Interaction.objects.filter(visibility_q(user, via="deal__account__"))
        .select_related("recorded_by")
        .prefetch_related("participations")
        .order_by("date", "recorded_at", "id")
    )
    return rows if deal_id is None else rows.filter(deal_id=deal_id)


def interaction_get(*, user, pk: int) -> Interaction:
    try:
        return interaction_list(user=user).get(pk=pk)
    except Interaction.DoesNotExist:
        raise Http404("No such interaction.") from None
