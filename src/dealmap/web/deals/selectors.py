"""Reads for deals; each takes the acting user and returns only what they may see."""

from __future__ import annotations

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
