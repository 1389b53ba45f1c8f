"""Reading the audit trail: only entries about accounts the acting user may see."""

from __future__ import annotations

from django.db.models import QuerySet

from dealmap.web.audit.models import AuditEntry


def audit_history(*, user, object_type: str, object_id: int) -> QuerySet[AuditEntry]:
    """The entries about one object, oldest first, if ``user`` may see the object's account now.

    An entry of a live object is shown only while the object's account is visible, so an object
    moved or shared away takes its history with it; a deleted object's entries follow the
    account they were recorded under.
    """
    entries = AuditEntry.objects.visible_to(user).filter(object_type=object_type, object_id=object_id)
    if object_exists(object_type=object_type, pk=object_id) and not object_visible(
        user=user, object_type=object_type, pk=object_id
    ):
        return entries.none()
    return entries


def _visible_rows(user, object_type: str):
    from dealmap.web.accounts.models import Account, AccountShare, Person, Relation, visibility_q
    from dealmap.web.deals.models import Assessment, Deal, Interaction, Part

    via = {
        "account": (Account, ""),
        "accountshare": (AccountShare, "account__"),
        "person": (Person, "account__"),
        "relation": (Relation, "account__"),
        "deal": (Deal, "account__"),
        "part": (Part, "deal__account__"),
        "assessment": (Assessment, "deal__account__"),
        "interaction": (Interaction, "deal__account__"),
    }
    model, path = via[object_type]
    if user is None:
        return model.objects.all()
    return model.objects.filter(visibility_q(user, via=path))


def object_exists(*, object_type: str, pk: int) -> bool:
    return _visible_rows(None, object_type).filter(pk=pk).exists()


def object_visible(*, user, object_type: str, pk: int) -> bool:
    """Whether ``user`` may see the live object (through the one rule, ``visibility_q``)."""
    return _visible_rows(user, object_type).filter(pk=pk).exists()


def audit_for_account(*, user, account_id: int) -> QuerySet[AuditEntry]:
    """Every entry under one account ``user`` may see, oldest first."""
    return AuditEntry.objects.visible_to(user).filter(account_id=account_id)
