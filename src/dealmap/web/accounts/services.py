"""Writes for accounts, people and relations: keyword-only arguments, validated, atomic."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from dealmap.web.accounts.models import Account, AccountShare, Person, Relation
from dealmap.web.audit.services import audit_record, snapshot
from dealmap.web.core.conflicts import Conflict, versioned_update


class AccountNameTaken(ValueError):
    """The owner has an account of that name already. A workbook names accounts by name, so two of
    one owner's accounts sharing a name could not be told apart on re-import."""

    path = "name"

    def __init__(self, name: str, owner=None):
        if owner is None:
            message = _("You already have an account called “%(name)s”; choose another name.")
        else:  # someone the account is shared with renames it
            message = _(
                "%(owner)s, who owns this account, already has one called “%(name)s”; choose another name."
            )
        super().__init__(message % {"name": name, "owner": getattr(owner, "username", "")})


class ManagerElsewhere(ValueError):
    """A manager who is the person themselves or works at another account."""

    path = "reports_to"

    def __init__(self):
        super().__init__(_("The manager must be another person of the same account."))


class PersonKeyTaken(ValueError):
    """Another person of the account has the key (a deal file's person id) already."""

    path = "key"

    def __init__(self, key: str):
        super().__init__(_("Another person of this account already has the key “%(key)s”.") % {"key": key})


class SelfRelation(ValueError):
    """A relation from a person to themselves (the database's ``relation_not_to_self`` too)."""

    path = "target"

    def __init__(self):
        super().__init__(_("A relation needs two different people."))


class RelationRepeated(ValueError):
    """The same relation (source, target, kind) is stored already."""

    path = "kind"

    def __init__(self, stored: Relation):
        self.stored = stored
        super().__init__(
            _("This repeats relation %(id)d: the same two people, in the same direction, with the same kind.")
            % {"id": stored.pk}
        )


def lock_owner(owner) -> None:
    """Lock the owner's user row until the transaction ends: an account name is chosen and checked
    under it, so two accounts created or renamed at once cannot both take the same name."""
    from django.contrib.auth import get_user_model

    get_user_model().objects.select_for_update().filter(pk=owner.pk).first()


def lock_account(account: Account) -> None:
    """Lock the account's row until the transaction ends (a new person's key or name is chosen under it)."""
    Account.objects.select_for_update().filter(pk=account.pk).first()


def lock_people(pks) -> list[int]:
    """Lock these people's rows until the transaction ends, in id order (so that two transactions
    locking the same people cannot deadlock); the ids still there."""
    return list(
        Person.objects.select_for_update()
        .filter(pk__in=sorted(set(pks)))
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def account_name_taken(*, owner, name: str, other_than: Account | None = None) -> bool:
    """Whether ``owner`` has an account called ``name`` (besides ``other_than``)."""
    found = Account.objects.filter(owner=owner, name=name)
    if other_than is not None:
        found = found.exclude(pk=other_than.pk)
    return found.exists()


def free_name(name: str, *, taken, max_length: int) -> str:
    """``name``, or "name (2)", "name (3)"… — the first for which ``taken(candidate)`` is false,
    cut to fit ``max_length``."""
    candidate, n = name, 1
    while taken(candidate):
        n += 1
        suffix = f" ({n})"
        candidate = name[: max_length - len(suffix)] + suffix
    return candidate


def account_name_free(*, owner, name: str) -> str:
    """``name``, or "name (2)", "name (3)"… — the first that ``owner`` has no account called."""
    return free_name(
        name,
        taken=lambda candidate: account_name_taken(owner=owner, name=candidate),
        max_length=Account._meta.get_field("name").max_length,
    )


@transaction.atomic
def account_create(*, owner, name: str, industry: str = "", notes: str = "", by=None) -> Account:
    """A new account owned by ``owner``; ``by`` (default: the owner) is recorded in the trail.

    Raises :class:`AccountNameTaken` when the owner has an account of that name already.
    """
    lock_owner(owner)
    if account_name_taken(owner=owner, name=name):
        raise AccountNameTaken(name)
    account = Account(owner=owner, name=name, industry=industry, notes=notes)
    account.full_clean()
    account.save()
    audit_record(
        actor=by or owner, action="create", obj=account, account_id=account.pk, after=snapshot(account)
    )
    return account


def person_key_next(*, account: Account) -> str:
    """A fresh person key for the account: ``p`` and one more than the highest ``pN`` in use."""
    numbers = [
        int(key[1:])
        for key in account.people.values_list("key", flat=True)
        if key.startswith("p") and key[1:].isdigit()
    ]
    return f"p{max(numbers, default=0) + 1}"


@transaction.atomic
def person_create(
    *,
    account: Account,
    name: str,
    layer: str,
    department: str,
    key: str | None = None,
    title: str = "",
    reports_to: Person | None = None,
    personal_need: str = "",
    change_style: str = "",
    notes: str = "",
    by=None,
) -> Person:
    """A new person at ``account``; ``key`` defaults to the next free ``pN``."""
    if reports_to is not None and reports_to.account_id != account.pk:
        raise ManagerElsewhere()
    lock_account(account)  # two people added at once would otherwise both take the next free key
    if reports_to is not None and not lock_people([reports_to.pk]):
        raise ManagerElsewhere()  # deleted meanwhile
    if key and account.people.filter(key=key).exists():
        raise PersonKeyTaken(key)
    person = Person(
        account=account,
        key=key or person_key_next(account=account),
        name=name,
        title=title,
        layer=layer,
        department=department,
        reports_to=reports_to,
        personal_need=personal_need,
        change_style=change_style,
        notes=notes,
    )
    person.full_clean()
    person.save()
    audit_record(actor=by, action="create", obj=person, account_id=account.pk, after=snapshot(person))
    return person


@transaction.atomic
def relation_create(
    *, source: Person, target: Person, kind: str, strength: int | None = None, by=None
) -> Relation:
    """A relation between two different people of the same account, not stored already.

    Raises :class:`SelfRelation` for one person at both ends and :class:`RelationRepeated` for a
    relation the account has (same source, target and kind): a deal file and a workbook refuse
    both, so an export holding them could not be imported again.
    """
    if source.account_id != target.account_id:
        raise ValueError("A relation links two people of the same account.")
    if source.pk == target.pk:
        raise SelfRelation()
    # Lock both people, in one order: two requests adding the same relation take turns, A→B and
    # B→A at once do not deadlock, and a person deleted meanwhile is not linked to.
    if len(lock_people([source.pk, target.pk])) < 2:
        from dealmap.web.accounts.selectors import NoSuchPerson

        raise NoSuchPerson("target")
    stored = Relation.objects.filter(source=source, target=target, kind=kind).order_by("pk").first()
    if stored is not None:
        raise RelationRepeated(stored)
    relation = Relation(
        account_id=source.account_id, source=source, target=target, kind=kind, strength=strength
    )
    relation.full_clean()
    relation.save()
    audit_record(
        actor=by, action="create", obj=relation, account_id=relation.account_id, after=snapshot(relation)
    )
    return relation


#: The fields of a person the deal page edits (the part in a deal is edited by ``deals.services.part_update``).
PERSON_FIELDS = (
    "name",
    "title",
    "layer",
    "department",
    "reports_to",
    "personal_need",
    "change_style",
    "notes",
)


class ReportingLoop(ValueError):
    """The chosen manager already reports, directly or up a chain, to the person."""

    path = "reports_to"

    def __init__(self):
        super().__init__(
            _(
                "This would make a reporting loop: the chosen manager already reports, directly or "
                "through others, to this person."
            )
        )


def reports_up_to(boss: Person, person: Person) -> bool:
    """Whether ``boss`` reports to ``person``, directly or up a chain of managers."""
    seen: set[int] = set()
    current: Person | None = boss
    while current is not None and current.pk not in seen:
        if current.pk == person.pk:
            return True
        seen.add(current.pk)
        current = current.reports_to
    return False


@transaction.atomic
def person_update(*, person: Person, version: int, by=None, **fields) -> Person:
    """Change a person's own fields; ``version`` is the one the user saw.

    Raises ``Conflict`` if someone saved the person since, ``ValueError`` for a field that is not
    editable or a manager at another account, ``ValidationError`` for a bad value.
    """
    unknown = set(fields) - set(PERSON_FIELDS)
    if unknown:
        raise ValueError(f"Not editable on a person: {', '.join(sorted(unknown))}")
    boss = fields.get("reports_to")
    if boss is not None and (boss.account_id != person.account_id or boss.pk == person.pk):
        raise ManagerElsewhere()
    if boss is not None and len(lock_people([boss.pk, person.pk])) < 2:  # in id order, as elsewhere
        raise ManagerElsewhere()  # deleted meanwhile
    if boss is not None and reports_up_to(boss, person):
        raise ReportingLoop()
    return versioned_update(person, version=version, fields=fields, by=by)


#: The fields of an account its editors change.
ACCOUNT_FIELDS = ("name", "industry", "notes")


@transaction.atomic
def account_update(*, account: Account, version: int, by, **fields) -> Account:
    """Change an account's name, industry or notes; Conflict if it changed since ``version``."""
    unknown = set(fields) - set(ACCOUNT_FIELDS)
    if unknown:
        raise ValueError(f"Not editable on an account: {', '.join(sorted(unknown))}")
    if account.version != version:
        # A stale version answers as one before the name is looked at, so that an editor cannot
        # probe, without saving anything, which names the owner's other accounts use. (The caller
        # has just read the account; a change since is still caught by versioned_update.)
        raise Conflict("Account", account.pk, version)
    name = fields.get("name")
    if name is not None:
        lock_owner(account.owner)
    if name is not None and account_name_taken(owner=account.owner, name=name, other_than=account):
        raise AccountNameTaken(name, owner=None if by is None or by.pk == account.owner_id else account.owner)
    return versioned_update(account, version=version, fields=fields, by=by)


@transaction.atomic
def account_delete(*, account: Account, by) -> None:
    """Delete an account and everything under it. The trail keeps the entries (account set to null)."""
    audit_record(actor=by, action="delete", obj=account, account_id=None, before=snapshot(account))
    account.delete()


@transaction.atomic
def share_set(*, account: Account, user, can_edit: bool, by) -> AccountShare:
    """Share ``account`` with ``user`` (to view, or to edit too); changing an existing share's level.

    Sharing again at the level it has already changes nothing and records nothing.
    """
    if user.pk == account.owner_id:
        raise ValidationError({"username": _("The owner already has the account.")})
    share, created = AccountShare.objects.get_or_create(
        account=account, user=user, defaults={"can_edit": can_edit}
    )
    if not created and share.can_edit == can_edit:
        return share
    if not created:
        AccountShare.objects.filter(pk=share.pk).update(can_edit=can_edit)
        share.can_edit = can_edit
    audit_record(
        actor=by,
        action="share",
        obj=share,
        account_id=account.pk,
        after={"user": user.username, "can_edit": can_edit},
    )
    return share


@transaction.atomic
def share_remove(*, account: Account, user_id: int, by) -> None:
    """Stop sharing ``account`` with the user; nothing happens if it was not shared with them."""
    for share in AccountShare.objects.filter(account=account, user_id=user_id).select_related("user"):
        audit_record(
            actor=by, action="unshare", obj=share, account_id=account.pk, before={"user": share.user.username}
        )
        share.delete()


@transaction.atomic
def person_delete(*, person: Person, by) -> None:
    """Delete a person with their parts, assessments and relations, and the interactions only they took part in."""
    audit_record(actor=by, action="delete", obj=person, account_id=person.account_id, before=snapshot(person))
    person_remove(person)


def person_remove(person: Person) -> int:
    """Delete ``person``, then the interactions left with nobody in them (an interaction needs at least
    one participant, and the deal file refuses one without); how many interactions went."""
    from dealmap.web.deals.models import Interaction

    # Lock the person first: an interaction or assessment being recorded with them either
    # commits before (and is seen below) or waits and then finds them gone.
    lock_people([person.pk])
    theirs = list(Interaction.objects.filter(participations__person=person).values_list("pk", flat=True))
    person.delete()
    alone = Interaction.objects.filter(pk__in=theirs, participations__isnull=True)
    removed = alone.count()
    alone.delete()
    return removed


@transaction.atomic
def relation_delete(*, relation: Relation, by) -> None:
    audit_record(
        actor=by, action="delete", obj=relation, account_id=relation.account_id, before=snapshot(relation)
    )
    relation.delete()
