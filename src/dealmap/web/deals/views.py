"""The deals list. One deal's page is the workspace (dealmap.web.workspace)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from dealmap.web.deals.selectors import deal_list


@require_safe
def deal_list_view(request: HttpRequest) -> HttpResponse:
    """The deals the user may see."""
    return render(request, "deals/list.html", {"deals": deal_list(user=request.user)})
