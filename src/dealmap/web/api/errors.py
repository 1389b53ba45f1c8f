"""Every error the API answers, as one body: ``{"detail": str, "problems": [{"path", "message"}]}``."""

from __future__ import annotations

import json

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DatabaseError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from dealmap.interchange import amounts
from dealmap.interchange.dealfile import DealFileError
from dealmap.web import i18n
from dealmap.web.accounts.selectors import NoSuchPerson, OwnerOnly, ShareRefused
from dealmap.web.api.schemas import CURRENCY_PATTERN, KEY_PATTERN, NO_NUL, VISIBLE, ErrorOut
from dealmap.web.core.conflicts import Conflict
from dealmap.web.core.middleware import collision


class PreconditionFailed(Exception):
    """An ``If-Match`` header named a version other than the stored one."""


class Unprocessable(Exception):
    """Well-formed input the operation cannot use (e.g. a person key not in the deal)."""

    def __init__(self, detail: str, problems: list[dict] | None = None):
        super().__init__(detail)
        self.detail, self.problems = detail, problems or []


def errors(*statuses: int) -> dict[int, type[ErrorOut]]:
    """The error responses an operation declares, all with the common body."""
    return dict.fromkeys(statuses, ErrorOut)


#: What every operation may answer: unparsable body, not logged in, bad CSRF token or read-only,
#: missing-or-forbidden, invalid input.
COMMON = (400, 401, 403, 404, 422)
WRITE = (*COMMON, 409)
VERSIONED = (*WRITE, 412)


def _body(detail: str, problems: list[dict] | None = None) -> dict:
    return {"detail": detail, "problems": problems or []}


def _loc(loc) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "payload", "[key]")]
    return ".".join(parts)


#: Pydantic's problems (and the schema's own) as sentences in the reader's language, by type;
#: ``ctx`` fills the placeholders. A type not listed keeps pydantic's English.
_BY_TYPE = {
    "missing": _lazy("%(field)s is required."),
    "string_type": _lazy("%(field)s must be text."),
    "bool_type": _lazy("%(field)s must be true or false."),
    "bool_parsing": _lazy("%(field)s must be true or false."),
    "int_type": _lazy("%(field)s must be a whole number."),
    "int_parsing": _lazy("%(field)s must be a whole number."),
    "int_from_float": _lazy("%(field)s must be a whole number."),
    "not_whole": _lazy("%(field)s must be a whole number."),
    "not_amount": _lazy('%(field)s must be a number, or a decimal written as text such as "1200000.50".'),
    "not_date": _lazy("%(field)s must be a date written as YYYY-MM-DD."),
    "date_parsing": _lazy("%(field)s must be a real date written as YYYY-MM-DD."),
    "date_from_datetime_parsing": _lazy("%(field)s must be a real date written as YYYY-MM-DD."),
    "date_from_datetime_inexact": _lazy("%(field)s must be a real date written as YYYY-MM-DD."),
    "list_type": _lazy("%(field)s must be a list."),
    "dict_type": _lazy("%(field)s must be an object."),
    "model_type": _lazy("%(field)s must be an object."),
    "model_attributes_type": _lazy("%(field)s must be an object."),
    "literal_error": _lazy("%(field)s must be one of: %(expected)s."),
    "greater_than_equal": _lazy("%(field)s must be at least %(ge)s."),
    "less_than_equal": _lazy("%(field)s must be at most %(le)s."),
    "greater_than": _lazy("%(field)s must be more than %(gt)s."),
    "less_than": _lazy("%(field)s must be less than %(lt)s."),
    "string_too_short": _lazy("%(field)s must not be empty."),
    "too_long": _lazy("%(field)s lists too many items: at most %(max_length)s."),
    "too_short": _lazy("%(field)s must list at least %(min_length)s item(s)."),
    "string_pattern_mismatch": _lazy("%(field)s does not have the expected form (%(pattern)s)."),
    "json_invalid": _lazy("The body is not valid JSON."),
    "list_separator": _lazy(
        "%(field)s must not contain %(sep)s: a workbook lists competitors in one cell, split at it."
    ),
    "future_day": _lazy("%(field)s is in the future: record what has happened."),
    "early_day": _lazy("%(field)s is before %(earliest)s: probably a typing slip."),
}


def _message(error: dict) -> str:
    """One schema problem as a sentence; text too long or holding a NUL, a blank name, a list item
    given twice and an amount the databases cannot hold exactly are named with their field."""
    kind, ctx = error.get("type"), error.get("ctx") or {}
    loc = tuple(error.get("loc", ()))
    field = _loc(loc) or _("the input")
    if loc and loc[-1] == "[key]":  # a dict's key, e.g. an unknown research question
        return _("%(field)s is not a key this field takes.") % {"field": field}
    if kind == "string_too_long":
        return _("%(field)s is too long: at most %(limit)d characters.") % {
            "field": field,
            "limit": ctx.get("max_length", 0),
        }
    pattern = ctx.get("pattern") if kind == "string_pattern_mismatch" else None
    if pattern == NO_NUL or kind == "string_nul":
        return _("%(field)s must not contain a NUL character (\\x00).") % {"field": field}
    if pattern == KEY_PATTERN:
        return _("%(field)s may hold only letters A–Z and a–z, digits, “_”, “.” and “-” (1 to 64).") % {
            "field": field
        }
    if pattern == CURRENCY_PATTERN:
        return _("%(field)s must be a currency code of three capital letters, such as CNY.") % {
            "field": field
        }
    if kind == "too_short" and ctx.get("min_length") == 1:
        return _("%(field)s must not be empty.") % {"field": field}
    if pattern == VISIBLE:
        return _("%(field)s must not be empty: spaces and invisible characters alone are no name.") % {
            "field": field
        }
    if kind == "repeated":
        return _("%(field)s lists “%(item)s” more than once.") % {"field": field, "item": ctx.get("item")}
    if kind == "amount_too_large":
        return _("%(field)s must be less than %(limit)s.") % {
            "field": field,
            "limit": f"{amounts.AMOUNT_LIMIT:,}",
        }
    if kind == "amount_too_precise":
        return _("%(field)s may have at most %(places)d decimal places (cents).") % {
            "field": field,
            "places": amounts.AMOUNT_PLACES,
        }
    if kind in _BY_TYPE:
        try:
            values = {k: str(v) for k, v in ctx.items()}
            if kind == "literal_error":  # pydantic's "'a', 'b' or 'c'": the "or" is English
                values["expected"] = values["expected"].replace(" or ", ", ")
            if kind == "list_separator":
                values["sep"] = _("a line break") if ctx["sep"] == "\n" else f"“{ctx['sep']}”"
            return _BY_TYPE[kind] % {"field": field, **values}
        except KeyError:  # a context this pydantic version does not give
            pass
    return str(error.get("msg", ""))


def _body_not_an_object(request, problems) -> bool:
    """Whether the body was JSON but no object (``null``, a list, a string) — which pydantic reports
    as every required field missing — while the problems are about the body."""
    if not request.body or not any((p.get("loc") or ("",))[0] == "body" for p in problems):
        return False
    try:
        return not isinstance(json.loads(request.body), dict)
    except ValueError:
        return False


def install(api) -> None:
    """Map every exception the handlers may raise to its status and the common body."""

    def respond(request, status: int, detail: str, problems=None):
        return api.create_response(request, _body(detail, problems), status=status)

    @api.exception_handler(NinjaValidationError)
    def invalid(request, exc):
        if _body_not_an_object(request, exc.errors):
            problems = [{"path": "", "message": _("The body must be a JSON object ({…}).")}]
        else:
            problems = [{"path": _loc(e.get("loc", ())), "message": _message(e)} for e in exc.errors]
        return respond(request, 422, _("The input is not valid."), problems)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        return respond(request, 401, _("Log in or send an API token (Authorization: Bearer TOKEN)."))

    @api.exception_handler(Http404)
    def missing(request, exc):
        if isinstance(exc, NoSuchPerson) and exc.path:
            # The same for a missing id and one of another account: it reveals nothing.
            problem = {"path": exc.path, "message": _("No person of this account has this id.")}
            return respond(request, 404, _("Not found."), [problem])
        return respond(request, 404, _("Not found."))

    @api.exception_handler(PermissionDenied)
    def forbidden(request, exc):
        if isinstance(exc, OwnerOnly):
            return respond(request, 403, exc.message())
        return respond(request, 403, _("You may see this but not change it."))

    @api.exception_handler(Conflict)
    def conflict(request, exc):
        problem = {"path": "version", "message": _("This is not the current version: read it again.")}
        return respond(
            request, 409, _("Someone else changed this since you loaded it. Reload and try again."), [problem]
        )

    @api.exception_handler(DatabaseError)
    def collided(request, exc):
        found = collision(exc)
        if found is None:
            raise exc
        response = respond(request, found[0], found[1])
        if found[0] == 503:
            response["Retry-After"] = "1"
        return response

    @api.exception_handler(PreconditionFailed)
    def precondition(request, exc):
        return respond(request, 412, _("The If-Match version is not the current one."))

    @api.exception_handler(Unprocessable)
    def unprocessable(request, exc):
        return respond(request, 422, exc.detail, exc.problems)

    @api.exception_handler(ShareRefused)
    def share_refused(request, exc):
        # Only someone allowed to share the account gets this far (others: 404 or 403 before the
        # username is looked at). As elsewhere: nobody by that name (or nobody active) is not
        # found, the owner or yourself conflicts with who already has the account.
        problems = [{"path": "username", "message": exc.message()}]
        if exc.reason in ("unknown", "inactive"):
            return respond(request, 404, _("Not found."), problems)
        return respond(request, 409, _("The change conflicts with the stored data."), problems)

    @api.exception_handler(DjangoValidationError)
    def rejected(request, exc):
        problems = [
            {"path": field, "message": str(message)}
            for field, messages in getattr(exc, "message_dict", {"": exc.messages}).items()
            for message in messages
        ]
        return respond(request, 409, _("The change conflicts with the stored data."), problems)

    @api.exception_handler(ValueError)
    def refused(request, exc):
        # A service refusing a change the schema cannot rule out (e.g. a person reporting to
        # themselves): the change conflicts with the stored data.
        # A refusal that knows its field says so (``path``, e.g. a taken account name).
        problems = [{"path": getattr(exc, "path", ""), "message": str(exc)}]
        return respond(request, 409, _("The change conflicts with the stored data."), problems)

    @api.exception_handler(DealFileError)
    def bad_file(request, exc):
        lang = i18n.lang()
        problems = [{"path": p.path, "message": p.message.get(lang)} for p in exc.problems]
        return respond(request, 422, _("The deal file is not valid."), problems)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        if exc.status_code == 400 and str(exc).startswith("Cannot parse request body"):
            # django-ninja's words; also a number past Python's 4,300 digits
            return respond(request, 400, _("The body could not be read as JSON."))
        return respond(request, exc.status_code, str(exc))
