"""Path and query parameters shared by the routers, with their bounds declared."""

from __future__ import annotations

import re

from django.http import HttpRequest, HttpResponse
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


#: One entity tag of an ``If-Match`` list: ``"v3"``, or a weak ``W/"v3"`` (which never matches).
_TAG = re.compile(r'\s*(W/)?"([^"]*)"\s*')


def if_match_check(request: HttpRequest, current: int) -> None:
    """412 unless ``If-Match`` (when sent) matches the stored version, as HTTP says (RFC 9110
    §13.1.1): ``*`` matches any stored object; otherwise one of the comma-separated tags must be
    the object's ETag (``"v3"``) by strong comparison, so a weak tag matches nothing. A bare
    ``3`` or ``v3`` is taken too, as earlier versions of this API took it."""
    header = request.headers.get("If-Match")
    if header is None or header.strip() == "*":
        return
    tags = [part for part in header.split(",") if part.strip()]
    for part in tags:
        tag = _TAG.fullmatch(part)
        if tag is None:  # unquoted: a version number, with or without its "v"
            value = part.strip().removeprefix("v")
            if value.isdigit() and int(value) == current:
                return
        elif tag.group(1) is None and tag.group(2) == f"v{current}":
            return
    raise PreconditionFailed()


def tagged(response: HttpResponse, obj):
    """``obj``, with its version as the answer's ``ETag`` (what ``If-Match`` then names)."""
    response["ETag"] = etag(obj.version)
    return obj


def etag(version: int) -> str:
    return f'"v{version}"'
