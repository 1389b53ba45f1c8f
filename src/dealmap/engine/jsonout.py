"""The report as `dealmap-report/1` JSON data."""

from __future__ import annotations

from dealmap.engine.report import Finding, PersonView, Report

REPORT_FORMAT = "dealmap-report/1"
#: The balance is published to four decimals; read to three it is the figure the course examples quote.
BALANCE_DECIMALS = 4


def report_to_dict(report: Report) -> dict:
    """The report as docs/formats.md describes it; findings carry their `subject`."""
    return {
        "format": REPORT_FORMAT,
        "as_of": report.as_of.isoformat(),
        "score": {"value": report.score.value, "parts": dict(report.score.parts)},
        "balance": round(report.balance, BALANCE_DECIMALS),
        "findings": [_finding(f) for f in report.findings],
        "people": [_person(p) for p in report.people],
    }


def _finding(f: Finding) -> dict:
    return {
        "code": f.code,
        "severity": f.severity,
        "subject": f.subject,
        "stakeholders": list(f.stakeholders),
        "departments": list(f.departments),
        "message": f.message.as_dict(),
        "action": f.action.as_dict(),
        "rule": f.rule,
    }


def _person(p: PersonView) -> dict:
    return {
        "id": p.id,
        "name": p.name,
        "level": p.level,
        "group": p.group,
        "strategy": p.strategy,
        "weight": p.weight,
        "actions": [{"zh": a.text.zh, "en": a.text.en, "rule": a.rule} for a in p.actions],
        "influenced_by": list(p.influenced_by),
    }
