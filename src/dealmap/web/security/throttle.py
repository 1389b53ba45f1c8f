"""Login throttling kept in the database, so it holds across processes and restarts.

A username is locked after ``LOGIN_FAILURE_LIMIT`` failures since its last success within
``LOGIN_FAILURE_WINDOW`` seconds; a client address after ``LOGIN_ADDRESS_FAILURE_LIMIT``
failures in the window. While locked, even the right password is refused. The address is
``REMOTE_ADDR``: a client-supplied ``X-Forwarded-For`` is ignored unless
``DEALMAP_TRUSTED_PROXIES`` says how many proxies in front of us append to it.
"""

from __future__ import annotations

from datetime import timedelta
from ipaddress import ip_address

from django.conf import settings
from django.db.models import Max
from django.utils import timezone

from dealmap.web.security.models import LoginAttempt


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def failure_limit() -> int:
    return _setting("LOGIN_FAILURE_LIMIT", 5)


def address_failure_limit() -> int:
    return _setting("LOGIN_ADDRESS_FAILURE_LIMIT", 30)


def window() -> timedelta:
    return timedelta(seconds=_setting("LOGIN_FAILURE_WINDOW", 15 * 60))


def client_address(request) -> str | None:
    """The client's address: REMOTE_ADDR, or the entry a trusted proxy added to X-Forwarded-For."""
    if request is None:
        return None
    address = request.META.get("REMOTE_ADDR", "")
    proxies = _setting("DEALMAP_TRUSTED_PROXIES", 0)
    if proxies > 0:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        if len(hops) >= proxies:
            address = hops[-proxies]
    try:
        return str(ip_address(address))
    except ValueError:
        return None


def normalise(username: str) -> str:
    return (username or "").strip().lower()[:150]


def login_locked(*, username: str, address: str | None) -> bool:
    """Whether a login for ``username`` from ``address`` must be refused now, password or not."""
    since = timezone.now() - window()
    name = normalise(username)
    recent = LoginAttempt.objects.filter(at__gte=since)
    last_success = recent.filter(username=name, succeeded=True).aggregate(last=Max("at"))["last"]
    failures = recent.filter(username=name, succeeded=False)
    if last_success is not None:
        failures = failures.filter(at__gt=last_success)
    if failures.count() >= failure_limit():
        return True
    if address is not None:
        by_address = recent.filter(address=address, succeeded=False).count()
        if by_address >= address_failure_limit():
            return True
    return False


def login_attempt_record(*, username: str, address: str | None, succeeded: bool) -> None:
    """Remember one attempt (called by the login signals)."""
    LoginAttempt.objects.create(username=normalise(username), address=address, succeeded=succeeded)
