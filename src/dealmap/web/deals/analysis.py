"""The deal page's one translation into the engine: stored deal → report, as plain data.

The report is the documented ``dealmap-report/1`` dict (findings and people), so templates
depend on the contract, not on the engine's classes.
"""

from __future__ import annotations

from datetime import date

from dealmap.web.deals.domain import deal_to_domain
from dealmap.web.deals.models import Deal


def deal_report(deal: Deal, *, as_of: date) -> dict | None:
    """The engine's report on ``deal`` as of ``as_of``; None while the engine is not installed."""
    try:
        from dealmap.engine import analyze, report_to_dict
    except ImportError:
        return None
    return report_to_dict(analyze(deal_to_domain(deal, as_of=as_of), as_of=as_of))


def finding_subject(finding: dict) -> str:
    """What a finding is about: a person's key, a department code, or '' for the whole deal."""
    if "subject" in finding:
        return finding["subject"]
    for key in ("stakeholders", "departments"):
        if finding.get(key):
            return finding[key][0]
    return ""
