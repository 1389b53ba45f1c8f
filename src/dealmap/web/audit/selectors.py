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


#: The objects whose history the web pages show, with what hangs from each.
HISTORY_KINDS = ("account", "deal", "person")


def audit_about(*, user, obj) -> QuerySet[AuditEntry]:
    """The entries about an account, a deal or a person ``user`` may see, and about what hangs
    from it (a deal's parts, assessments and interactions; a person's parts, assessments,
    interactions and relations), newest first. The caller fetched ``obj`` through a selector.
    """
    from django.db.models import Q

    from dealmap.web.accounts.models import Relation
    from dealmap.web.deals.models import Assessment, Interaction, Part

    def about(object_type: str, rows) -> Q:
        return Q(object_type=object_type, object_id__in=list(rows.values_list("pk", flat=True)))

    kind = obj._meta.model_name
    own = Q(object_type=kind, object_id=obj.pk)
    if kind == "account":
        rule = own | Q(account_id=obj.pk)
    elif kind == "deal":
        rule = (
            own
            | about("part", Part.objects.filter(deal=obj))
            | about("assessment", Assessment.objects.filter(deal=obj))
            | about("interaction", Interaction.objects.filter(deal=obj))
        )
    elif kind == "person":
        rule = (
            own
            | about("part", Part.objects.filter(person=obj))
            | about("assessment", Assessment.objects.filter(person=obj))
            | about("interaction", Interaction.objects.filter(participations__person=obj))
            | about("relation", Relation.objects.filter(Q(source=obj) | Q(target=obj)))
        )
    else:
        raise ValueError(f"no history page for {kind!r}")
    return AuditEntry.objects.visible_to(user).filter(rule).order_by("-at", "-id")
