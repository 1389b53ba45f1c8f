"""Tokens and login attempts in the Django admin: tokens can be revoked, attempts only read."""

from django.contrib import admin

from dealmap.web.security.models import ApiToken, LoginAttempt


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "user", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("prefix", "user", "created_at", "last_used_at")
    exclude = ("key_hash",)

    def has_add_permission(self, request) -> bool:
        return False  # a token is made with `dealmap token NAME`, which shows it once


@admin.register(LoginAttempt)
class LoginAttemptAdmin(admin.ModelAdmin):
    list_display = ("at", "username", "address", "succeeded")
    list_filter = ("succeeded",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
