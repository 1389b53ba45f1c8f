"""Request middleware: the display language, the login requirement, the API's 405 body."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.urls import resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers

SUPPORTED = {code for code, _ in settings.LANGUAGES}

#: URL names reachable without logging in.
PUBLIC_URL_NAMES = {"login", "healthz", "set_language"}


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
