"""The audit trail in the Django admin: read-only, nothing added, changed or deleted by hand."""

from django.contrib import admin

from dealmap.web.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("at", "actor_name", "action", "object_type", "object_id", "account")
    list_filter = ("action", "object_type")
    search_fields = ("actor_name", "object_type")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
