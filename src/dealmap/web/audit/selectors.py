"""Reading the audit trail: only entries about accounts the acting user may see."""

from __future__ import annotations

from django.db.models import QuerySet

from dealmap.web.audit.models import AuditEntry


def audit_history(*, user, object_type: str, object_id: int) -> QuerySet[AuditEntry]:
    """The entries about one object, oldest first, if ``user`` may see its account."""
    return AuditEntry.objects.visible_to(user).filter(object_type=object_type, object_id=object_id)


def audit_for_account(*, user, account_id: int) -> QuerySet[AuditEntry]:
    """Every entry under one account ``user`` may see, oldest first."""
    return AuditEntry.objects.visible_to(user).filter(account_id=account_id)
