"""The audit trail: who changed what, when, with the values before and after. Append-only."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dealmap.web.accounts.models import visibility_q


class AuditAppendOnlyError(Exception):
    """Raised when code tries to change or delete a recorded audit entry."""


class Action(models.TextChoices):
    CREATE = "create", _("created")
    UPDATE = "update", _("changed")
    DELETE = "delete", _("deleted")
    SHARE = "share", _("shared")
    UNSHARE = "unshare", _("unshared")
    IMPORT = "import", _("imported")
    EXPORT = "export", _("exported")
    ERASE = "erase", _("erased")


class AuditQuerySet(models.QuerySet):
    def visible_to(self, user) -> AuditQuerySet:
        """Entries about accounts ``user`` may see; entries of deleted accounts only for admins."""
        return self.filter(visibility_q(user, via="account__"))


class AuditEntry(models.Model):
    """One write: the actor, the time, the action, the object and its values before and after.

    ``account`` places the entry under the visibility rule of the account the object belongs to;
    it is kept (set to null) when the account is deleted, so the trail outlives what it describes.
    ``save`` refuses to change a stored entry and ``delete`` refuses always; only
    :func:`dealmap.web.audit.services.audit_scrub` (a person's erasure) rewrites stored entries.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_name = models.CharField(_("actor"), max_length=150, blank=True)
    at = models.DateTimeField(_("time"), default=timezone.now, editable=False, db_index=True)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    object_type = models.CharField(_("object type"), max_length=40)
    object_id = models.BigIntegerField(_("object id"))
    account = models.ForeignKey(
        "accounts.Account", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ("at", "id")
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        indexes = [models.Index(fields=("object_type", "object_id"), name="audit_object")]
        constraints = [
            models.CheckConstraint(condition=models.Q(action__in=Action.values), name="audit_action_known"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_type} {self.object_id}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AuditAppendOnlyError("An audit entry is never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditAppendOnlyError("An audit entry is never deleted.")
