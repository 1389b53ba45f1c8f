"""The one place the web layer asks for today's date, so tests can fix the clock."""

from __future__ import annotations

from datetime import date

from django.utils import timezone


def today() -> date:
    """Today in the project's time zone (Asia/Shanghai by default)."""
    return timezone.localdate()
