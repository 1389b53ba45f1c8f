"""Pages for accounts: the list, one account with its people, deals and sharing, a person's
export and erasure, and the search. One htmx convention: a whole page, or for an htmx request
just the fragment that changed."""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from dealmap.web.accounts.forms import AccountForm, EraseForm, ShareForm
from dealmap.web.accounts.privacy import person_erase, person_export
from dealmap.web.accounts.search import search
from dealmap.web.accounts.selectors import (
    ShareRefused,
    account_editable,
    account_get,
    account_get_for_owner,
    account_list,
    account_shareable,
    colleague_get,
    person_get,
    person_get_for_edit,
    person_list,
    sees_already,
    share_access,
    share_list,
)
from dealmap.web.accounts.services import AccountNameTaken, account_create, share_remove, share_set
from dealmap.web.core.conflicts import Conflict
from dealmap.web.deals.selectors import deal_list


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


@require_safe
def account_list_view(request: HttpRequest) -> HttpResponse:
    """The accounts the user may see."""
    return render(request, "accounts/list.html", {"accounts": account_list(user=request.user)})


@require_http_methods(["GET", "HEAD", "POST"])
def account_create_view(request: HttpRequest) -> HttpResponse:
    """A new customer company, owned by the user; then its page, where its first deal is created."""
    form = AccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account = account_create(owner=request.user, by=request.user, **form.cleaned_data)
        except AccountNameTaken as taken:
            form.add_error("name", str(taken))
        else:
            messages.success(request, _("Account created. Now create its first deal."))
            return redirect(reverse("accounts:detail", args=[account.pk]))
    status = 422 if request.method == "POST" else 200
    return render(request, "accounts/form.html", {"form": form}, status=status)


@require_safe
def account_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    """One account: its people and its deals; for its owner (or an admin) who it is shared with."""
    account = account_get(user=request.user, pk=pk)
    context = {
        "editable": account_editable(user=request.user, account=account),
        "account": account,
        "people": person_list(user=request.user, account=account),
        "deals": deal_list(user=request.user, account=account),
        **_sharing_context(request, account),
    }
    return render(request, "accounts/detail.html", context)


# --- Sharing ------------------------------------------------------------------------------------


def _sharing_context(request: HttpRequest, account, **extra) -> dict:
    if not account_shareable(user=request.user, account=account):
        return {"can_share": False}
    return {
        "can_share": True,
        "shares": share_list(user=request.user, account=account),
        "share_form": extra.pop("share_form", None) or ShareForm(),
        **extra,
    }


def _sharing_response(request: HttpRequest, account, *, error: str = "", saved: str = "", **extra):
    """After a sharing change: the sharing section (htmx), else the account page with a message."""
    if _is_htmx(request):
        context = {"account": account, **_sharing_context(request, account, **extra)}
        context.update(share_error=error, share_saved=saved)
        return render(request, "accounts/_sharing.html", context, status=422 if error else 200)
    if error:
        messages.error(request, error)
    elif saved:
        messages.success(request, saved)
    return redirect(reverse("accounts:detail", args=[account.pk]) + "#sharing")


@require_POST
def share_save(request: HttpRequest, pk: int) -> HttpResponse:
    """Share the account with a colleague by username, or change their access (owner or admin).

    Who may not share gets 404 or 403 before the username is looked at; who may is told exactly
    why a username is refused.
    """
    account = account_get_for_owner(user=request.user, pk=pk)
    form = ShareForm(request.POST)
    if not form.is_valid():
        return _sharing_response(request, account, error=form.refusal(), share_form=form)
    username = form.cleaned_data["username"]
    try:
        colleague = colleague_get(account=account, username=username, by=request.user)
    except ShareRefused as refused:
        return _sharing_response(request, account, error=refused.message(), share_form=form)
    can_edit = form.cleaned_data["access"] == "edit"
    if sees_already(account=account, user=colleague, can_edit=can_edit):
        return _sharing_response(request, account, saved=ShareRefused("manager", username).message())
    had = share_access(account=account, user=colleague)
    if had == can_edit:
        already = (
            _("%(username)s can already view and edit this account.")
            if can_edit
            else _("%(username)s can already view this account.")
        )
        return _sharing_response(request, account, saved=already % {"username": colleague.username})
    share_set(account=account, user=colleague, can_edit=can_edit, by=request.user)
    if can_edit:
        saved = _("%(username)s can now view and edit this account.")
    elif had:  # was an edit share
        saved = _("%(username)s can now only view this account, no longer edit it.")
    else:
        saved = _("%(username)s can now view this account.")
    saved = saved % {"username": colleague.username}
    return _sharing_response(request, account, saved=saved)


@require_POST
def share_delete(request: HttpRequest, pk: int, user_id: int) -> HttpResponse:
    """Stop sharing the account with one colleague (owner or admin)."""
    account = account_get_for_owner(user=request.user, pk=pk)
    share_remove(account=account, user_id=user_id, by=request.user)
    return _sharing_response(request, account, saved=_("The account is no longer shared with them."))


# --- A customer person's rights -----------------------------------------------------------------


@require_safe
def person_export_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything stored about one person, as a JSON download (the export is audited)."""
    person = person_get(user=request.user, pk=pk)
    data = person_export(person=person, by=request.user)
    body = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    filename = f"person-{person.account_id}-{person.pk}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def person_erase_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Erase a person: a confirmation page that says what is removed and what is kept, then POST."""
    person = person_get_for_edit(user=request.user, pk=pk)
    status = 200
    if request.method == "POST":
        form = EraseForm(request.POST)
        if form.is_valid():
            try:
                summary = person_erase(
                    person=person,
                    version=form.cleaned_data["version"],
                    mode=form.cleaned_data["mode"],
                    by=request.user,
                )
            except Conflict:
                form.add_error(None, _("Someone changed this person meanwhile. Check and confirm again."))
                status = 409
            else:
                messages.success(request, _erased_message(summary))
                return redirect("accounts:detail", pk=person.account_id)
        else:
            status = 422
    else:
        form = EraseForm(initial={"version": person.version})
    reports = list(person.reports.order_by("name").values_list("name", flat=True))
    context = {"person": person, "form": form, "reports": reports}
    return render(request, "accounts/person_erase.html", context, status=status)


def _erased_message(summary: dict) -> str:
    if summary["mode"] == "delete":
        text = _("The person was deleted and their name removed from %(texts)d other texts.")
    else:
        text = _("The person is now “%(key)s”; their name was removed from %(texts)d other texts.")
    return text % {"key": f"[{summary['key']}]", "texts": summary["texts_rewritten"]}


# --- Search -------------------------------------------------------------------------------------


@require_safe
def search_view(request: HttpRequest) -> HttpResponse:
    """Accounts, deals and people the user may see whose name matches ``?q=``, and notes containing it."""
    results = search(user=request.user, query=request.GET.get("q", "")[:200])
    return render(request, "accounts/search.html", {"results": results})
