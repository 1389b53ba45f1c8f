"""Reads for accounts and their people; each takes the acting user and returns only what they may see."""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.http import Http404

from dealmap.web.accounts.models import Account, Person


def account_list(*, user) -> QuerySet[Account]:
    """The accounts ``user`` may see, with their number of deals and people."""
    return (
        Account.objects.visible_to(user)
        .select_related("owner")
        .annotate(deal_count=Count("deals", distinct=True), person_count=Count("people", distinct=True))
    )


def account_get(*, user, pk: int) -> Account:
    """One account ``user`` may see; Http404 whether it is missing or forbidden."""
    try:
        return Account.objects.visible_to(user).select_related("owner").get(pk=pk)
    except Account.DoesNotExist:
        raise Http404("No such account.") from None


def person_list(*, user, account: Account) -> QuerySet[Person]:
    """The people of an account ``user`` may see, with whom each reports to."""
    return (
        Person.objects.filter(account__in=Account.objects.visible_to(user), account=account)
        .select_related("reports_to")
        .order_by("id")
    )
