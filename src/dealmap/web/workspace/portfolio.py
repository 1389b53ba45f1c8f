"""The portfolio: every deal a user may see, with its position score, trend and critical findings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dealmap.engine import Finding, analyze
from dealmap.interchange.bidi import typed_texts
from dealmap.web.deals.domain import deals_to_domain
from dealmap.web.deals.models import Deal, Part
from dealmap.web.deals.replay import added_on, deal_as_of, started_on
from dealmap.web.deals.selectors import deal_list

#: The trend compares today's score with the score this many days ago.
TREND_DAYS = 30

SORTS = {
    "score": lambda r: (r.score, r.deal.name),
    "trend": lambda r: (r.trend if r.trend is not None else 0, r.deal.name),
    "critical": lambda r: (r.critical, r.deal.name),
    "close": lambda r: (r.deal.expected_close or date.max, r.deal.name),
    "name": lambda r: (r.deal.name.casefold(),),
    "stage": lambda r: (r.deal.stage.casefold(), r.deal.name),
    "owner": lambda r: ((r.owner.get_full_name() or r.owner.username).casefold(), r.deal.name),
    # Amounts in one currency sort together; a deal without an amount comes first.
    "amount": lambda r: (r.deal.currency, r.deal.amount if r.deal.amount is not None else -1, r.deal.name),
}


@dataclass(frozen=True)
class PortfolioRow:
    deal: Deal
    score: int
    #: The score ``TREND_DAYS`` ago; None when the deal did not exist yet.
    score_before: int | None
    critical: int
    findings: int
    people: int
    top: Finding | None = None
    #: What people typed that the findings may quote (names, titles, competitors), to isolate.
    texts: tuple[str, ...] = ()

    @property
    def trend(self) -> int | None:
        return None if self.score_before is None else self.score - self.score_before

    @property
    def owner(self):
        return self.deal.account.owner


def portfolio_rows(*, user, today: date) -> list[PortfolioRow]:
    """Each deal ``user`` may see, analysed today and ``TREND_DAYS`` earlier; the same queries for any number."""
    deals = list(deal_list(user=user))
    added: dict[int, dict[str, date]] = {d.pk: {} for d in deals}
    for deal_id, key, created in Part.objects.filter(deal__in=deals).values_list(
        "deal_id", "person__key", "created_at"
    ):
        added[deal_id][key] = added_on(created, today)
    rows = []
    before = today - timedelta(days=TREND_DAYS)
    domains = deals_to_domain(deals, as_of=today)
    for deal in deals:
        full = domains[deal.pk]
        now = analyze(deal_as_of(full, today, added=added[deal.pk]), as_of=today)
        then = None
        if started_on(full, deal.created_at, today) <= before:
            then = analyze(deal_as_of(full, before, added=added[deal.pk]), as_of=before).score.value
        rows.append(
            PortfolioRow(
                deal=deal,
                score=now.score.value,
                score_before=then,
                critical=sum(1 for f in now.findings if f.severity == "critical"),
                findings=len(now.findings),
                people=len(full.stakeholders),
                top=now.findings[0] if now.findings else None,
                texts=typed_texts(full),
            )
        )
    return rows


def portfolio_filter(rows: list[PortfolioRow], *, owner: str = "", stage: str = "", critical: bool = False):
    """The rows of one owner (user id), one stage, and/or with a critical finding."""
    return [
        r
        for r in rows
        if (not owner or str(r.owner.pk) == owner)
        and (not stage or r.deal.stage == stage)
        and (not critical or r.critical > 0)
    ]


def portfolio_sort(rows: list[PortfolioRow], sort: str) -> tuple[list[PortfolioRow], str]:
    """Rows sorted by ``sort`` (a key of SORTS, ``-`` first for descending); the sort actually used."""
    name = sort.lstrip("-")
    if name not in SORTS:
        sort, name = "score", "score"
    return sorted(rows, key=SORTS[name], reverse=sort.startswith("-")), sort


def portfolio_summary(rows: list[PortfolioRow]) -> dict:
    """The totals above the table: deals, average score, deals with a critical finding, amount per currency."""
    amounts: dict[str, float] = {}
    for r in rows:
        if r.deal.amount is not None:
            amounts[r.deal.currency] = amounts.get(r.deal.currency, 0) + r.deal.amount
    return {
        "deals": len(rows),
        "average": round(sum(r.score for r in rows) / len(rows)) if rows else None,
        "with_critical": sum(1 for r in rows if r.critical),
        "amounts": sorted(amounts.items()),
    }
