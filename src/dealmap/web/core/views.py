"""The shell's own views: the home redirect and the health check."""

from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """The start page: the deals list, what a seller opens the app for; for a manager or an
    administrator the portfolio, which shows across the team which deals are in trouble and why."""
    user = request.user
    if user.is_authenticated and (user.is_manager or user.is_admin):
        return redirect("workspace:portfolio")
    return redirect("deals:list")


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """200 ``ok`` when the database answers ``SELECT 1``, else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
