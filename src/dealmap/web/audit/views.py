"""The history of an account, a deal or a person: a whole page, or for htmx just the list."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from dealmap.web.accounts.selectors import account_get, person_get, person_list
from dealmap.web.audit.presenters import entry_view
from dealmap.web.audit.selectors import audit_about
from dealmap.web.deals.selectors import deal_get

#: At most this many entries on one page, newest first.
HISTORY_LIMIT = 300


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _subject(request: HttpRequest, object_type: str, pk: int):
    """The object, its account and the page it belongs to; Http404 if the user may not see it."""
    user = request.user
    if object_type == "account":
        account = account_get(user=user, pk=pk)
        return account, account, reverse("accounts:detail", args=[account.pk])
    if object_type == "deal":
        deal = deal_get(user=user, pk=pk)
        return deal, deal.account, reverse("deals:detail", args=[deal.pk])
    person = person_get(user=user, pk=pk)
    return person, person.account, reverse("accounts:detail", args=[person.account_id])


def _whose_parts(entries, people: dict[int, str]) -> dict[int, str]:
    """Whose part in a deal each part entry is about ("内线 否→是" said nothing of whom): the
    person of a stored part, or of a deleted one as its trail recorded it."""
    from dealmap.web.deals.models import Part

    ids = {e.object_id for e in entries if e.object_type == "part"}
    if not ids:
        return {}
    person_of = dict(Part.objects.filter(pk__in=ids).values_list("pk", "person_id"))
    for e in entries:
        if e.object_type == "part" and e.object_id not in person_of:
            recorded = (e.after or {}).get("person_id") or (e.before or {}).get("person_id")
            if recorded:
                person_of[e.object_id] = recorded
    return {part: people.get(person, f"#{person}") for part, person in person_of.items()}


@require_safe
def history_view(request: HttpRequest, object_type: str, pk: int) -> HttpResponse:
    """Who changed the object (and what hangs from it), when, and each field before → after."""
    subject, account, back_url = _subject(request, object_type, pk)
    people = {p.pk: p.name for p in person_list(user=request.user, account=account)}
    entries = list(audit_about(user=request.user, obj=subject)[:HISTORY_LIMIT])
    whose = _whose_parts(entries, people)
    context = {
        "subject": subject,
        "object_type": object_type,
        "back_url": back_url,
        "entries": [
            entry_view(e, people=people, about=whose.get(e.object_id, "") if e.object_type == "part" else "")
            for e in entries
        ],
        "limit": HISTORY_LIMIT,
    }
    template = "audit/_history.html" if _is_htmx(request) else "audit/history.html"
    return render(request, template, context)
