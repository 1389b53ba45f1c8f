"""Path and query parameters shared by the routers, with their bounds declared."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Path, Query

from dealmap.web.api.errors import PreconditionFailed
from dealmap.web.api.schemas import MAX_ID, NO_NUL

ID = Path(..., ge=1, le=MAX_ID)
LIMIT = Query(50, ge=1, le=200, description="Page size (1–200).")
OFFSET = Query(0, ge=0, le=1_000_000, description="Items to skip.")
FILTER_ID = Query(None, ge=1, le=MAX_ID)
OWNER = Query(None, max_length=150, pattern=NO_NUL, description="Account owner's username.")


def page(items, *, limit: int, offset: int) -> dict:
    """One page of a queryset: its total count and the items in [offset, offset + limit)."""
    return {"count": items.count(), "items": list(items[offset : offset + limit])}


def if_match_check(request: HttpRequest, current: int) -> None:
    """412 when ``If-Match`` names a version other than ``current``."""
    header = request.headers.get("If-Match")
    if header is None:
        return
    value = header.strip().removeprefix("W/").strip('"').removeprefix("v")
    if not value.isdigit() or int(value) != current:
        raise PreconditionFailed()


def etag(version: int) -> str:
    return f'"v{version}"'
