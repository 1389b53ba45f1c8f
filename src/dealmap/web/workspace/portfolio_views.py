"""The portfolio page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from dealmap.web import i18n
from dealmap.web.core import clock
from dealmap.web.core.text import isolate_within
from dealmap.web.workspace.portfolio import (
    PortfolioRow,
    portfolio_filter,
    portfolio_rows,
    portfolio_sort,
    portfolio_summary,
)


def _row(row: PortfolioRow) -> tuple[PortfolioRow, str, str]:
    """A row with its most pressing finding's sentence: as HTML and as an attribute's plain text,
    the names in it isolated either way."""
    if row.top is None:
        return row, "", ""
    message = i18n.text(row.top.message)
    return row, isolate_within(message, row.texts), isolate_within(message, row.texts, html=False)


@require_safe
def portfolio(request: HttpRequest) -> HttpResponse:
    """Every deal the user may see: score, trend, critical findings, expected close; sort and filter."""
    rows = portfolio_rows(user=request.user, today=clock.today())
    owners = sorted(
        {(r.owner.pk, r.owner.get_full_name() or r.owner.username) for r in rows}, key=lambda o: o[1]
    )
    stages = sorted({r.deal.stage for r in rows if r.deal.stage})
    chosen = {
        "owner": request.GET.get("owner", ""),
        "stage": request.GET.get("stage", ""),
        "critical": request.GET.get("critical") == "1",
    }
    shown, sort = portfolio_sort(portfolio_filter(rows, **chosen), request.GET.get("sort", "score"))
    query = request.GET.copy()
    query.pop("sort", None)
    context = {
        "rows": [_row(r) for r in shown],
        "summary": portfolio_summary(shown),
        "total": len(rows),
        "owners": owners,
        "stages": stages,
        "chosen": chosen,
        "sort": sort,
        "base_query": query.urlencode(),
        "columns": [
            ("name", "deal"),
            ("score", "score"),
            ("trend", "trend"),
            ("critical", "critical"),
            ("close", "close"),
            ("top", ""),  # the most pressing finding: not sortable
            ("stage", "stage"),
            ("owner", "owner"),
            ("amount", "amount"),
        ],
        "numeric": ("score", "trend", "critical", "amount"),
    }
    return render(request, "workspace/portfolio.html", context)
