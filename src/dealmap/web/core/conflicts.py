"""The error a write raises when the row changed since the user loaded it (optimistic locking)."""

from __future__ import annotations


class Conflict(Exception):
    """The row's ``version`` is no longer the one the caller read: someone else saved it first."""

    def __init__(self, model: str, pk: int, version: int):
        super().__init__(f"{model} {pk} changed since version {version}; reload and try again.")
        self.model, self.pk, self.version = model, pk, version


def versioned_update(instance, *, version: int, fields: dict):
    """Save ``fields`` on ``instance`` only if its stored ``version`` is still ``version``.

    Validates the new values (fields and constraints), then updates the row in one statement
    guarded by the version, so two people editing the same row cannot silently overwrite each
    other. Raises :class:`Conflict` when the row moved on; returns the instance, version bumped.
    """
    from django.utils import timezone

    for name, value in fields.items():
        setattr(instance, name, value)
    instance.full_clean()
    model = type(instance)
    now = timezone.now()
    updated = model.objects.filter(pk=instance.pk, version=version).update(
        **fields, version=version + 1, updated_at=now
    )
    if not updated:
        raise Conflict(model.__name__, instance.pk, version)
    instance.version, instance.updated_at = version + 1, now
    return instance
