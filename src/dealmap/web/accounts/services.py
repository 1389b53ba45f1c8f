"""Writes for accounts, people and relations: keyword-only arguments, validated, atomic."""

from __future__ import annotations

from django.db import transaction

from dealmap.web.accounts.models import Account, Person, Relation
from dealmap.web.core.conflicts import versioned_update


@transaction.atomic
def account_create(*, owner, name: str, industry: str = "", notes: str = "") -> Account:
    """A new account owned by ``owner``."""
    account = Account(owner=owner, name=name, industry=industry, notes=notes)
    account.full_clean()
    account.save()
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
) -> Person:
    """A new person at ``account``; ``key`` defaults to the next free ``pN``."""
    if reports_to is not None and reports_to.account_id != account.pk:
        raise ValueError("A person can only report to someone at the same account.")
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
    return person


@transaction.atomic
def relation_create(*, source: Person, target: Person, kind: str, strength: int | None = None) -> Relation:
    """A relation between two different people of the same account."""
    if source.account_id != target.account_id:
        raise ValueError("A relation links two people of the same account.")
    relation = Relation(
        account_id=source.account_id, source=source, target=target, kind=kind, strength=strength
    )
    relation.full_clean()
    relation.save()
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
        raise ValueError("A person can only report to someone else at the same account.")
    return versioned_update(person, version=version, fields=fields)
