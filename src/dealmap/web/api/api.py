"""The REST API: one NinjaAPI at /api/, a router per area, session or Bearer-token auth.

The schema is at /api/openapi.json and the Swagger UI at /api/docs, served from django-ninja's
own static files (``ninja`` is an installed app, so nothing loads from a CDN).
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja import NinjaAPI, Swagger

from dealmap.web.api import accounts, deals, errors, history
from dealmap.web.api.auth import BearerToken, Session
from dealmap.web.api.schemas import UserOut

api = NinjaAPI(
    title="DealMap API",
    version="1",
    description=(
        "大客户决策地图 DealMap. Authenticate with the browser session (send the CSRF token on writes) "
        "or `Authorization: Bearer TOKEN` (make one with `dealmap token USERNAME`). Every error has "
        'the body `{"detail": str, "problems": [{"path", "message"}]}`; a missing and a forbidden '
        "object both answer 404."
    ),
    auth=[BearerToken(), Session()],
    urls_namespace="api",
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs",
)
errors.install(api)


@api.get("/me", response={200: UserOut, **errors.errors(*errors.COMMON)}, tags=["users"])
def me(request: HttpRequest):
    """The user you are authenticated as."""
    return request.auth


api.add_router("/", accounts.router)
api.add_router("/", deals.router)
api.add_router("/", history.router)
api.add_router("/", "dealmap.web.api.signals.router")
