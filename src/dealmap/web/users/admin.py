"""Users and teams in the Django admin (for administrators)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from dealmap.web.users.models import Team, User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "first_name", "role", "team", "is_active")
    list_filter = ("role", "team", "is_active")
    fieldsets = (*DjangoUserAdmin.fieldsets, ("DealMap", {"fields": ("role", "team")}))


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "created_at")
