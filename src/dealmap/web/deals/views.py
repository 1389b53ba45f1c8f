"""The deals list, and a deal's facts: a new deal at an account, or a deal's facts changed.
One deal's page is the workspace (dealmap.web.workspace)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from dealmap.web.accounts.selectors import account_get_for_edit
from dealmap.web.core.conflicts import Conflict
from dealmap.web.deals.forms import DealForm
from dealmap.web.deals.selectors import deal_get_for_edit, deal_list
from dealmap.web.deals.services import DealNameTaken, deal_create, deal_update


@require_safe
def deal_list_view(request: HttpRequest) -> HttpResponse:
    """The deals the user may see."""
    return render(request, "deals/list.html", {"deals": deal_list(user=request.user)})


@require_http_methods(["GET", "HEAD", "POST"])
def deal_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    """A new deal at the account ``pk``; then straight to its page, where the group is built."""
    account = account_get_for_edit(user=request.user, pk=pk)
    form = DealForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            deal = deal_create(account=account, by=request.user, **form.cleaned_data)
        except DealNameTaken as taken:
            form.add_error("name", str(taken))
        else:
            messages.success(request, _("Deal created. Now add the people who take part in the decision."))
            return redirect(reverse("deals:detail", args=[deal.pk]))
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "account": account, "deal": None}
    return render(request, "deals/form.html", context, status=status)


class _Versioned(DealForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


@require_http_methods(["GET", "HEAD", "POST"])
def deal_edit_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a deal's facts; refused with a clear message if someone saved it meanwhile."""
    deal = deal_get_for_edit(user=request.user, pk=pk)
    stored = {
        "name": deal.name,
        "stage": deal.stage,
        "amount": deal.amount,
        "currency": deal.currency,
        "expected_close": deal.expected_close,
        "we_are_incumbent": deal.we_are_incumbent,
        "competitors": "\n".join(deal.competitors),
        "version": deal.version,
    }
    form = _Versioned(request.POST or None, initial=stored)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            deal_update(deal=deal, version=version, by=request.user, **data)
        except DealNameTaken as taken:
            form.add_error("name", str(taken))
            return render(
                request, "deals/form.html", {"form": form, "account": deal.account, "deal": deal}, status=422
            )
        except Conflict:
            form.add_error(
                None, _("Someone else saved this deal meanwhile. Reload the page to see their change.")
            )
            return render(
                request, "deals/form.html", {"form": form, "account": deal.account, "deal": deal}, status=409
            )
        messages.success(request, _("Saved."))
        return redirect(reverse("deals:detail", args=[deal.pk]))
    status = 422 if request.method == "POST" else 200
    return render(
        request, "deals/form.html", {"form": form, "account": deal.account, "deal": deal}, status=status
    )
