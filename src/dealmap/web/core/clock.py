"""The one place the web layer asks for today's date, so tests can fix the clock."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

#: The earliest day the forms and the API take for an assessment or an interaction: an earlier one
#: is almost surely a mistyped year (0026 for 2026), and it would stretch the attitude chart over
#: centuries.
EARLIEST_DAY = date(1970, 1, 1)


def today() -> date:
    """Today in the project's time zone (Asia/Shanghai by default)."""
    return timezone.localdate()


def now() -> datetime:
    """The current time (aware, UTC), for age checks that tests must be able to fix."""
    return timezone.now()
