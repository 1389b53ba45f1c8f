"""Pages for accounts: the list and one account with its people and deals."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from dealmap.web.accounts.selectors import account_get, account_list, person_list
from dealmap.web.deals.selectors import deal_list


@require_safe
def account_list_view(request: HttpRequest) -> HttpResponse:
    """The accounts the user may see."""
    return render(request, "accounts/list.html", {"accounts": account_list(user=request.user)})


@require_safe
def account_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    """One account: its people and its deals."""
    account = account_get(user=request.user, pk=pk)
    context = {
        "account": account,
        "people": person_list(user=request.user, account=account),
        "deals": deal_list(user=request.user, account=account),
    }
    return render(request, "accounts/detail.html", context)
