"""Pages for deals: the list and one deal with its research answers and buying group."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from dealmap.method import codes
from dealmap.web import i18n
from dealmap.web.core import clock
from dealmap.web.deals.analysis import deal_report, finding_subject
from dealmap.web.deals.selectors import deal_buying_group, deal_get, deal_list


@require_safe
def deal_list_view(request: HttpRequest) -> HttpResponse:
    """The deals the user may see."""
    return render(request, "deals/list.html", {"deals": deal_list(user=request.user)})


@require_safe
def deal_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    """One deal: its facts, the seven research answers, the findings and the buying group."""
    deal = deal_get(user=request.user, pk=pk)
    as_of = clock.today()
    report = deal_report(deal, as_of=as_of)
    people = {p["id"]: p for p in report["people"]} if report else {}
    members = [(m, people.get(m.person.key)) for m in deal_buying_group(user=request.user, deal=deal)]
    context = {
        "deal": deal,
        "as_of": as_of,
        "research": [
            (i18n.label(codes.RESEARCH_QUESTIONS, c), answer) for c, answer in deal.research_answers()
        ],
        "report": report,
        "findings": [(f, finding_subject(f)) for f in report["findings"]] if report else [],
        "members": members,
    }
    return render(request, "deals/detail.html", context)
