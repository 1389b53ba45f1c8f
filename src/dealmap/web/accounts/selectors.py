"""Reads for accounts and their people; each takes the acting user and returns only what they may see."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from dealmap.web.accounts.models import (
    Account,
    AccountShare,
    Person,
    Relation,
    manages_owner_of,
    visibility_q,
)


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


# -- access beyond reading: every check below goes through visibility_q / editable_q -------------


def account_editable(*, user, account: Account) -> bool:
    """Whether ``user`` may change ``account`` and what belongs to it (see ``editable_q``)."""
    return Account.objects.editable_by(user).filter(pk=account.pk).exists()


def account_get_for_edit(*, user, pk: int) -> Account:
    """An account ``user`` may change; Http404 if they may not see it, PermissionDenied if only see."""
    account = account_get(user=user, pk=pk)
    if not account_editable(user=user, account=account):
        raise PermissionDenied("read-only")
    return account


class OwnerOnly(PermissionDenied):
    """Someone who may see (perhaps edit) an account tries what only its owner or an administrator
    may do: delete or share it. The API says so instead of "you may not change this"."""

    def message(self) -> str:
        from django.utils.translation import gettext as _

        return _("Only the account's owner or an administrator may delete or share it.")


def account_get_for_owner(*, user, pk: int) -> Account:
    """An account ``user`` owns (or any, for an admin): for deleting it and for sharing it."""
    account = account_get(user=user, pk=pk)
    if not (user.is_admin or account.owner_id == user.pk):
        raise OwnerOnly()
    return account


def account_shareable(*, user, account: Account) -> bool:
    """Whether ``user`` may share ``account`` (and delete it): its owner, or an administrator."""
    return bool(user.is_authenticated and (user.is_admin or account.owner_id == user.pk))


def share_list(*, user, account: Account) -> QuerySet[AccountShare]:
    """Who ``account`` is shared with, if ``user`` may see it."""
    return AccountShare.objects.filter(account=account_get(user=user, pk=account.pk)).select_related("user")


def share_access(*, account: Account, user) -> bool | None:
    """Whether ``account`` is shared with ``user`` to edit (True), to view (False), or not at all (None)."""
    return AccountShare.objects.filter(account=account, user=user).values_list("can_edit", flat=True).first()


class ShareRefused(Exception):
    """Why an account cannot be shared with the user named ``username``.

    ``reason``: ``unknown`` (no such user), ``inactive`` (deactivated), ``yourself`` (the one
    sharing), ``owner`` (the account's owner), ``admin`` (an administrator, who sees and
    changes every account already: a share would change nothing) or ``manager`` (a view share for
    the manager of the owner's team, who sees the account already). Only ever raised to someone allowed to share the
    account: :func:`account_get_for_owner` answers everyone else first (404 or 403).
    """

    REASONS = ("unknown", "inactive", "yourself", "owner", "admin", "manager")

    def __init__(self, reason: str, username: str):
        super().__init__(f"Cannot share with {username!r}: {reason}.")
        self.reason, self.username = reason, username

    def message(self) -> str:
        """The reason as a sentence in the active language."""
        from django.utils.translation import gettext as _

        sentences = {
            "unknown": _("There is no active user called “%(username)s”."),
            "inactive": _("The user “%(username)s” is deactivated: an account cannot be shared with them."),
            "yourself": _("You cannot share an account with yourself."),
            "owner": _("%(username)s owns this account already."),
            "admin": _("%(username)s is an administrator and can already see and change every account."),
            "manager": _("%(username)s manages the owner's team and can view this account already."),
        }
        return sentences[self.reason] % {"username": self.username}


def sees_already(*, account: Account, user, can_edit: bool) -> bool:
    """Whether a view share would change nothing for ``user``: the manager of the owner's team sees
    the account already (an edit share is more than they have)."""
    return (
        not can_edit and share_access(account=account, user=user) is None and manages_owner_of(user, account)
    )


def colleague_get(*, account: Account, username: str, by):
    """The user called ``username`` whom ``by`` may share ``account`` with; :class:`ShareRefused` if none."""
    from dealmap.web.users.models import User

    user = User.objects.filter(username=username).first()
    if user is None:
        raise ShareRefused("unknown", username)
    if not user.is_active:
        raise ShareRefused("inactive", username)
    if user.pk == by.pk:
        raise ShareRefused("yourself", username)
    if user.pk == account.owner_id:
        raise ShareRefused("owner", username)
    if user.is_admin:
        raise ShareRefused("admin", username)
    return user


def person_visible(*, user) -> QuerySet[Person]:
    """Every person ``user`` may see."""
    return Person.objects.filter(visibility_q(user, via="account__"))


def person_get(*, user, pk: int) -> Person:
    """One person ``user`` may see; Http404 whether missing or forbidden."""
    try:
        return person_visible(user=user).select_related("account").get(pk=pk)
    except Person.DoesNotExist:
        raise Http404("No such person.") from None


def person_get_for_edit(*, user, pk: int) -> Person:
    """One person ``user`` may change; Http404 if not visible, PermissionDenied if read-only."""
    person = person_get(user=user, pk=pk)
    if not account_editable(user=user, account=person.account):
        raise PermissionDenied("read-only")
    return person


class NoSuchPerson(Http404):
    """A person id that names nobody of the account: missing, or elsewhere (the same answer).
    ``path`` is the field that gave it, so the API can say which id it could not find."""

    def __init__(self, path: str):
        super().__init__("No such person at this account.")
        self.path = path


def person_in_account(*, account: Account, pk: int, path: str = "") -> Person:
    """A person of ``account`` (already checked by the caller); :class:`NoSuchPerson` (a 404)
    for anyone else, naming the field ``path`` the id came in."""
    try:
        return Person.objects.get(account=account, pk=pk)
    except Person.DoesNotExist:
        raise NoSuchPerson(path) from None


def person_search(
    *,
    user,
    account_id: int | None = None,
    deal_id: int | None = None,
    department: str | None = None,
    buying_role: str | None = None,
    group: str | None = None,
    owner: str | None = None,
) -> QuerySet[Person]:
    """People ``user`` may see, filtered; ``group`` is the attitude group of the latest assessment
    (in ``deal_id`` if given, else in any deal)."""
    from dealmap.web.deals.models import Assessment

    people = person_visible(user=user).select_related("account").order_by("account_id", "id")
    if account_id is not None:
        people = people.filter(account_id=account_id)
    if deal_id is not None:
        people = people.filter(parts__deal_id=deal_id)
    if department:
        people = people.filter(department=department)
    if buying_role:
        people = people.filter(
            parts__buying_role=buying_role, **({"parts__deal_id": deal_id} if deal_id else {})
        )
    if owner:
        people = people.filter(account__owner__username=owner)
    if group:
        latest = Assessment.objects.filter(person=OuterRef("pk"))
        if deal_id is not None:
            latest = latest.filter(deal_id=deal_id)
        latest = latest.order_by("-date", "-recorded_at", "-id").values("level")[:1]
        people = people.annotate(latest_level=Subquery(latest)).filter(GROUP_FILTERS[group])
    return people.distinct()


#: Attitude groups as filters on the latest level (codes.group_of_level, as a query).
GROUP_FILTERS = {
    "supporter": Q(latest_level__gte=2),
    "neutral": Q(latest_level__gt=-2, latest_level__lt=2),
    "opponent": Q(latest_level__lte=-2),
    "unassessed": Q(latest_level__isnull=True),
}


def relation_list(*, user, account_id: int | None = None) -> QuerySet[Relation]:
    """Relations at accounts ``user`` may see."""
    relations = Relation.objects.filter(visibility_q(user, via="account__")).order_by("id")
    if account_id is not None:
        relations = relations.filter(account_id=account_id)
    return relations


def relation_get(*, user, pk: int) -> Relation:
    try:
        return relation_list(user=user).select_related("account").get(pk=pk)
    except Relation.DoesNotExist:
        raise Http404("No such relation.") from None


def relation_get_for_edit(*, user, pk: int) -> Relation:
    relation = relation_get(user=user, pk=pk)
    if not account_editable(user=user, account=relation.account):
        raise PermissionDenied("read-only")
    return relation
