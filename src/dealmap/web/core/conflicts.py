"""The error a write raises when the row changed since the user loaded it (optimistic locking)."""

from __future__ import annotations


class Conflict(Exception):
    """The row's ``version`` is no longer the one the caller read: someone else saved it first."""

    def __init__(self, model: str, pk: int, version: int):
        super().__init__(f"{model} {pk} changed since version {version}; reload and try again.")
        self.model, self.pk, self.version = model, pk, version


def versioned_update(instance, *, version: int, fields: dict, by=None):
    """Save ``fields`` on ``instance`` only if its stored ``version`` is still ``version``.

    Validates the new values (fields and constraints), then updates the row in one statement
    guarded by the version, so two people editing the same row cannot silently overwrite each
    other. Raises :class:`Conflict` when the row moved on; returns the instance, version bumped.
    The change is recorded in the audit trail (values before and after, actor ``by``); call it
    inside the caller's transaction so the change and its record commit together.

    Values equal to the stored ones are no change: when nothing differs, the row, its version
    and the trail stay as they are (a form saved untouched is still a successful save).
    """
    from django.db import transaction
    from django.utils import timezone

    with transaction.atomic():
        return _versioned_update(instance, version=version, fields=fields, by=by, now=timezone.now())


def _versioned_update(instance, *, version: int, fields: dict, by, now):
    from dealmap.web.audit.services import account_id_of, audit_record, snapshot

    model = type(instance)
    stored = model.objects.select_for_update().filter(pk=instance.pk, version=version).first()
    if stored is None:
        raise Conflict(model.__name__, instance.pk, version)
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.full_clean()
    if not _changes(stored, instance, fields):
        instance.version, instance.updated_at = stored.version, stored.updated_at
        return instance
    updated = model.objects.filter(pk=instance.pk, version=version).update(
        **fields, version=version + 1, updated_at=now
    )
    if not updated:
        raise Conflict(model.__name__, instance.pk, version)
    instance.version, instance.updated_at = version + 1, now
    audit_record(
        actor=by,
        action="update",
        obj=instance,
        account_id=account_id_of(instance),
        before=snapshot(stored),
        after=snapshot(instance),
    )
    return instance


def _changes(stored, instance, fields: dict) -> list[str]:
    """The names in ``fields`` whose (cleaned) value on ``instance`` differs from the stored row's."""
    changed = []
    for name in fields:
        attname = type(instance)._meta.get_field(name).attname  # a foreign key by its id
        if getattr(instance, attname) != getattr(stored, attname):
            changed.append(name)
    return changed
