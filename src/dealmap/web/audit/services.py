"""Recording the audit trail. Every write service calls :func:`audit_record` inside its transaction."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import models

from dealmap.web.audit.models import AuditEntry


def _plain(value: Any) -> Any:
    """A JSON-safe copy of a field value (dates as ISO text, decimals as strings)."""
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def snapshot(obj: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """The values of ``obj``'s concrete fields (foreign keys by id), minus bookkeeping timestamps."""
    skip = {"created_at", "updated_at"}
    out: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if field.name in skip or (fields is not None and field.name not in fields):
            continue
        out[field.attname] = _plain(getattr(obj, field.attname))
    return out


def object_type_of(obj: models.Model) -> str:
    """The name the trail uses for a model: its lower-case model name (``person``, ``deal``…)."""
    return obj._meta.model_name


def account_id_of(obj: models.Model) -> int | None:
    """The account an object belongs to (its visibility): itself, its ``account``, or its deal's."""
    if obj._meta.model_name == "account":
        return obj.pk
    if hasattr(obj, "account_id"):
        return obj.account_id
    if hasattr(obj, "deal_id"):
        from dealmap.web.deals.models import Deal

        return Deal.objects.filter(pk=obj.deal_id).values_list("account_id", flat=True).first()
    return None


def audit_entry(
    *,
    actor,
    action: str,
    obj: models.Model,
    account_id: int | None,
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEntry:
    """One entry for a write by ``actor`` (None: the system), not yet stored.

    For an update only the fields that changed are kept, before and after. :func:`audit_record`
    stores it at once; a bulk writer (the spreadsheet import) collects them for ``bulk_create``.
    """
    if before is not None and after is not None:
        changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
        before = {k: v for k, v in before.items() if k in changed}
        after = {k: v for k, v in after.items() if k in changed}
    return AuditEntry(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=getattr(actor, "username", "") or "",
        action=action,
        object_type=object_type_of(obj),
        object_id=obj.pk,
        account_id=account_id,
        before=before,
        after=after,
    )


def audit_record(
    *,
    actor,
    action: str,
    obj: models.Model,
    account_id: int | None,
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEntry:
    """Append one entry for a write by ``actor`` (None: the system, e.g. a migration or a script).

    For an update only the fields that changed are kept, before and after.
    """
    entry = audit_entry(
        actor=actor, action=action, obj=obj, account_id=account_id, before=before, after=after
    )
    entry.save()
    return entry


def audit_scrub(*, entries: models.QuerySet, replace: dict[str, str], blank: Iterable[str] = ()) -> int:
    """Rewrite stored entries for an erasure: each text in ``replace`` becomes its replacement,
    and the values of the keys in ``blank`` become empty.

    The one sanctioned exception to the trail being append-only (a customer's right to be
    forgotten outranks the trail); the erasure itself is recorded as a new entry.
    """
    count = 0
    for entry in entries.only("id", "before", "after"):
        before = _blanked(_replaced(entry.before, replace), set(blank))
        after = _blanked(_replaced(entry.after, replace), set(blank))
        if before != entry.before or after != entry.after:
            AuditEntry.objects.filter(pk=entry.pk).update(before=before, after=after)
            count += 1
    return count


def _replaced(value: Any, replace: dict[str, str]) -> Any:
    if isinstance(value, str):
        for old, new in replace.items():
            if old:
                value = value.replace(old, new)
        return value
    if isinstance(value, list):
        return [_replaced(v, replace) for v in value]
    if isinstance(value, dict):
        return {k: _replaced(v, replace) for k, v in value.items()}
    return value


def _blanked(value: Any, keys: set[str]) -> Any:
    if not keys or not isinstance(value, dict):
        return value
    return {k: ("" if k in keys and isinstance(v, str) else v) for k, v in value.items()}
