"""The one place the web layer asks for today's date, so tests can fix the clock."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone


def today() -> date:
    """Today in the project's time zone (Asia/Shanghai by default)."""
    return timezone.localdate()


def now() -> datetime:
    """The current time (aware, UTC), for age checks that tests must be able to fix."""
    return timezone.now()
