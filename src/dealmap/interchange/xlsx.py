"""Excel in and out, without a database: the template, the reader's two passes, and the writer.

- :func:`template_workbook` — the downloadable template (guide, seven sheets, drop-downs, example rows).
- :class:`Source` + :func:`scan` — open a file (all defences) and check it; the :class:`Plan` lists
  every problem by sheet, row, column and reason and counts what would be created or updated.
- :func:`read_deals` — a clean file as domain deals (for the command line's dry run and for tests).
- :func:`write_workbook` — deals to a workbook in the same layout, so an export re-imports cleanly.

The web import service (``dealmap.web.imports.services``) stores a file with the same two passes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any

from dealmap.engine.model import (
    Account,
    Assessment,
    CompetitorAffinity,
    Deal,
    Interaction,
    Objection,
    Opportunity,
    Relation,
    Research,
    Stakeholder,
)
from dealmap.interchange.dealfile import load_deal
from dealmap.interchange.sheets import EXAMPLE_MARKERS, SHEETS
from dealmap.interchange.xlsx_check import Counts, Known, Plan, scan
from dealmap.interchange.xlsx_read import FileRejected, Progress, Row, RowIssue, Source, parse_rows
from dealmap.interchange.xlsx_write import Roster, write_workbook
from dealmap.method.codes import RESEARCH_QUESTIONS, Text

__all__ = [
    "Counts",
    "FileRejected",
    "ImportFailed",
    "Known",
    "Plan",
    "Row",
    "RowIssue",
    "Source",
    "format_issues",
    "read_deals",
    "records",
    "scan",
    "template_workbook",
    "Roster",
    "write_workbook",
]


class ImportFailed(ValueError):
    """The file has row problems; `issues` lists every one."""

    def __init__(self, issues: list[RowIssue]):
        self.issues = issues
        super().__init__(format_issues(issues, "en"))


_SHEET_NAMES = {s.key: s.title for s in SHEETS}


def format_issues(issues: list[RowIssue], lang: str = "zh") -> str:
    """One line per problem: sheet, row, column: reason."""
    return "\n".join(
        i.render(lang, _SHEET_NAMES[i.sheet].get(lang) if i.sheet in _SHEET_NAMES else i.sheet)
        for i in issues
    )


def records(source: Source, plan: Plan, progress: Progress | None = None):
    """Second pass over a file the plan found clean: its rows again, in the layout's order."""
    if not plan.ok:
        raise ImportFailed(plan.issues)
    issues: list[RowIssue] = []
    yield from parse_rows(source, issues, progress)
    if issues:  # the file changed between the passes
        raise ImportFailed(issues)


@dataclass
class _DealParts:
    account: str
    opportunity: Opportunity
    parts: dict[str, dict] = field(default_factory=dict)  # person key → part fields, in row order
    assessments: list[Assessment] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)


def read_deals(source: Source, *, known: Known | None = None) -> list[Deal]:
    """A clean file as domain deals, people keyed as the plan assigns. Raises ImportFailed on problems.

    Holds the whole file in memory: meant for deal-sized files, the dry run and tests.
    """
    plan = scan(source, known=known)
    if not plan.ok:
        raise ImportFailed(plan.issues)
    accounts: dict[str, Account] = {}
    deals: dict[tuple[str, str], _DealParts] = {}
    people: dict[tuple[str, str], dict] = {}
    relations: dict[str, list[Relation]] = {}
    for row in records(source, plan):
        v, a = row.values, row.values["account"]
        if row.sheet == "accounts":
            accounts[a] = Account(name=a, industry=v.get("industry", ""), notes=v.get("notes", ""))
        elif row.sheet == "deals":
            deals[(a, v["deal"])] = _DealParts(a, _opportunity(v))
        elif row.sheet == "people":
            key = plan.person_key(a, v.get("id", ""), v["name"])
            boss = v.get("reports_to")
            people[(a, key)] = v | {"id": key, "reports_to": plan.resolve(a, boss) if boss else None}
        elif row.sheet == "parts":
            deals[(a, v["deal"])].parts[plan.resolve(a, v["person"])] = v
        elif row.sheet == "relations":
            relations.setdefault(a, []).append(
                Relation(
                    plan.resolve(a, v["source"]), plan.resolve(a, v["target"]), v["kind"], v.get("strength")
                )
            )
        elif row.sheet == "assessments":
            deals[(a, v["deal"])].assessments.append(
                Assessment(
                    plan.resolve(a, v["person"]),
                    v["date"],
                    v["level"],
                    v.get("evidence", ""),
                    v.get("signals", ()),
                )
            )
        elif row.sheet == "interactions":
            deals[(a, v["deal"])].interactions.append(
                Interaction(
                    date=v["date"],
                    stakeholders=tuple(plan.resolve(a, r) for r in v["participants"]),
                    channel=v.get("channel", ""),
                    summary=v.get("summary", ""),
                    trust_delta=v.get("trust_delta"),
                    signals=v.get("signals", ()),
                )
            )
    return [_deal(d, accounts.get(d.account, Account(d.account)), people, relations) for d in deals.values()]


def _opportunity(v: dict[str, Any]) -> Opportunity:
    return Opportunity(
        name=v["deal"],
        stage=v.get("stage", ""),
        amount=v.get("amount"),
        currency=v.get("currency") or "CNY",
        expected_close=v.get("expected_close"),
        we_are_incumbent=v.get("we_are_incumbent", False),
        competitors=v.get("competitors", ()),
        research=Research(**{c: v.get(f"research_{c}", "") for c in RESEARCH_QUESTIONS.codes}),
    )


def _deal(d: _DealParts, account: Account, people: dict, relations: dict) -> Deal:
    members = {key for key in d.parts}
    stakeholders = tuple(
        _stakeholder(people[(d.account, key)], part, members) for key, part in d.parts.items()
    )
    return Deal(
        account=account,
        opportunity=d.opportunity,
        stakeholders=stakeholders,
        relations=tuple(
            r for r in relations.get(d.account, ()) if r.source in members and r.target in members
        ),
        assessments=tuple(d.assessments),
        interactions=tuple(d.interactions),
    )


def _stakeholder(person: dict, part: dict, members: set[str]) -> Stakeholder:
    objection = None
    if part.get("objection_kind"):
        objection = Objection(part["objection_kind"], part.get("objection_text", ""))
    boss = person.get("reports_to")
    return Stakeholder(
        id=person["id"],
        name=person["name"],
        title=person.get("title", ""),
        layer=person["layer"],
        department=person["department"],
        buying_role=part["buying_role"],
        reports_to=boss if boss in members else None,
        power=part.get("power"),
        authority=part.get("authority"),
        change_style=person.get("change_style"),
        personal_need=person.get("personal_need"),
        personal_wins=part.get("personal_wins", ""),
        objection=objection,
        is_coach=part.get("is_coach", False),
        competitor_affinity=tuple(CompetitorAffinity(n, s) for n, s in part.get("competitor_affinity", ())),
        notes=person.get("notes", ""),
    )


def example_deal(lang: str = "zh") -> Deal:
    """The template's example: a slice of the demo deal at an account marked as an example; in
    English, the same slice in English words (example-en.json), not the Chinese names and notes."""
    name = "demo-deal.json" if lang == "zh" else "example-en.json"
    data = json.loads(resources.files("dealmap.demo").joinpath(name).read_text("utf-8"))
    deal = load_deal(data)
    keep = {p.id for p in deal.stakeholders[:3]}
    marker = EXAMPLE_MARKERS[0] if lang == "zh" else EXAMPLE_MARKERS[1] + " "
    return replace(
        deal,
        account=replace(deal.account, name=marker + deal.account.name),
        stakeholders=deal.stakeholders[:3],
        relations=tuple(r for r in deal.relations if {r.source, r.target} <= keep)[:2],
        assessments=tuple(a for a in deal.assessments if a.stakeholder in keep)[:3],
        interactions=tuple(i for i in deal.interactions if set(i.stakeholders) <= keep)[:2],
    )


def template_workbook(lang: str = "zh") -> bytes:
    """The downloadable import template: guide, seven sheets with drop-downs, example rows (skipped on import)."""
    return write_workbook([example_deal(lang)], lang=lang, example=True)


REJECTED_EXIT = 2
NOTHING_TO_IMPORT = Text("文件中没有要导入的数据行", "the file holds no data rows to import")
