"""Request middleware: the display language, the login requirement, the API's 405 body."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse, JsonResponse
from django.urls import resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.html import format_html

SUPPORTED = {code for code, _ in settings.LANGUAGES}

#: URL names reachable without logging in.
PUBLIC_URL_NAMES = {"login", "healthz", "set_language"}

logger = logging.getLogger("dealmap.collisions")


class LanguageMiddleware:
    """Activate the language chosen with the switch (its cookie), else zh-Hans.

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: the product
    speaks Chinese first, and an English browser should not silently switch it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in SUPPORTED else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class LoginRequiredMiddleware:
    """Every page needs a logged-in user, except the login page, the language switch and /healthz."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated or self._is_public(request):
            return self.get_response(request)
        return redirect_to_login(request.get_full_path())

    @staticmethod
    def _is_public(request) -> bool:
        if request.path.startswith(settings.STATIC_URL):
            return True
        try:
            match = resolve(request.path_info)
        except Exception:  # an unknown path: let the view layer answer 404 after login
            return False
        # The API answers 401 itself (session or Bearer token); the admin has its own login.
        return match.url_name in PUBLIC_URL_NAMES or bool({"api", "admin"} & set(match.namespaces))


class ApiMethodNotAllowedMiddleware:
    """A method an API path does not take (DELETE on an assessment) answers 405 with the API's one
    error body, in the reader's language, instead of django-ninja's plain-text page; HEAD answers
    as GET."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        head = request.method == "HEAD"
        if head:  # answered as GET would be, headers only (RFC 9110 §9.3.2): ninja routes GET alone
            request.method = "GET"
        response = self.get_response(request)
        if response.status_code == 405:
            response = self._not_allowed(response.get("Allow", ""))
        if head and not response.streaming:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response

    @staticmethod
    def _not_allowed(allowed: str) -> JsonResponse:
        if "GET" in allowed.split(", ") and "HEAD" not in allowed:
            allowed += ", HEAD"
        response = JsonResponse(
            {
                "detail": translation.gettext("This method is not allowed here (allowed: %(methods)s).")
                % {"methods": allowed},
                "problems": [],
            },
            status=405,
        )
        response["Allow"] = allowed
        return response


def collision(exc: Exception) -> tuple[int, str] | None:
    """A database refusal caused by another request at the same moment, as (status, sentence):
    a uniqueness or reference check that the other request's commit made fail (409), or a lock
    that could not be had — SQLite's "database is locked", PostgreSQL's deadlock (503, retry).
    Nothing of the request was stored: its transaction was rolled back. None for anything else."""
    from django.db import IntegrityError, OperationalError

    said = str(exc).lower()
    # Only a uniqueness or reference check, which another request's commit can make fail; a
    # CHECK violation is a bug of ours and stays a 500 (with its traceback in the log).
    raced = "unique" in said or "duplicate key" in said or "foreign key" in said or "still referenced" in said
    if isinstance(exc, IntegrityError) and raced:
        return 409, translation.gettext(
            "Someone else changed the same records at the same moment, so nothing was saved. "
            "Reload and try again."
        )
    if isinstance(exc, OperationalError) and ("locked" in said or "deadlock" in said or "busy" in said):
        return 503, translation.gettext("The database was busy, so nothing was saved. Try again in a moment.")
    return None


class CollisionMiddleware:
    """Two requests writing the same records at once: the loser gets a sentence saying nothing was
    saved (JSON on the API, a page elsewhere) instead of a bare "Server Error (500)". The services
    lock what they change to make this rare; this is the net under them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exc):
        found = collision(exc)
        if found is None:
            return None
        status, message = found
        logger.warning("collision on %s %s: %s", request.method, request.path, exc)
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": message, "problems": []}, status=status)
        elif request.headers.get("HX-Request") == "true":  # into the panel: a line, not a page
            response = HttpResponse(
                format_html('<p class="error" role="alert">{}</p>', message), status=status
            )
        else:
            from django.shortcuts import render

            title = translation.gettext("Nothing was saved")
            response = render(request, "error.html", {"title": title, "message": message}, status=status)
        if status == 503:
            response["Retry-After"] = "1"
        return response


class RequestTooLargeMiddleware:
    """A request body over Django's limit answers, on the API, a JSON 413 that names the limit
    (Django answered an HTML "Bad Request (400)" that named nothing)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if limit is not None and length > limit and request.path.startswith("/api/"):
            message = translation.gettext(
                "The request body is larger than %(mb)d MB, the most this server takes."
            )
            return JsonResponse(
                {"detail": message % {"mb": limit // (1024 * 1024)}, "problems": []}, status=413
            )
        return self.get_response(request)
