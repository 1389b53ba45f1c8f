"""The deal page's one translation into the engine: stored deal → report, as plain data.

The report is the documented ``dealmap-report/1`` dict (findings and people), so templates
depend on the contract, not on the engine's classes.
"""

from __future__ import annotations

from datetime import date

from dealmap.engine.model import Deal as DomainDeal
from dealmap.web.core import clock
from dealmap.web.deals.domain import deal_to_domain
from dealmap.web.deals.models import Deal
from dealmap.web.deals.replay import deal_as_of, parts_added


def deal_on(deal: Deal, day: date) -> DomainDeal:
    """The stored deal as known on ``day``, as the deal page shows it: people whose part was added
    later, and assessments and interactions dated later, are left out (see ``replay``)."""
    return deal_as_of(deal_to_domain(deal, as_of=day), day, added=parts_added(deal, clock.today()))


def deal_report(deal: Deal, *, as_of: date) -> dict | None:
    """The engine's report on ``deal`` as of ``as_of``; None while the engine is not installed."""
    try:
        from dealmap.engine import analyze, report_to_dict
    except ImportError:
        return None
    return report_to_dict(analyze(deal_on(deal, as_of), as_of=as_of))


def deal_what_if(deal: Deal, levels: dict[str, int], *, as_of: date) -> dict:
    """The report with some people's current level changed (by person key), and how it differs.

    Nothing is stored. Raises KeyError for a person key not in the deal, ValueError for a level
    out of range.
    """
    from dealmap.engine import report_to_dict, what_if

    domain = deal_on(deal, as_of)
    known = {person.id for person in domain.stakeholders}
    for key in levels:
        if key not in known:
            raise KeyError(key)
    change = what_if(domain, levels, as_of=as_of)
    base = report_to_dict(change.base)
    return {
        "report": report_to_dict(change.report),
        "score_before": base["score"]["value"],
        "score_delta": change.score_delta,
        "balance_delta": change.balance_delta,
        "gained": [{"code": f.code, "subject": f.subject} for f in change.gained],
        "lost": [{"code": f.code, "subject": f.subject} for f in change.lost],
    }
