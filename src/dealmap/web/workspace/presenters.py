"""Turn a workspace (engine report + rows) into what the templates show, in the active language."""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from datetime import date

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from dealmap.engine.analysis import with_levels
from dealmap.engine.model import Deal
from dealmap.engine.report import Finding, Report, WhatIf
from dealmap.engine.score import PART_POINTS
from dealmap.interchange.bidi import isolated, typed_texts
from dealmap.method import codes
from dealmap.method.levels import LEVELS
from dealmap.method.outline import rule_label
from dealmap.web import i18n
from dealmap.web.core.text import isolate_within
from dealmap.web.workspace.guide import rule_target
from dealmap.web.workspace.powermap import LEVEL_COLOURS, power_map
from dealmap.web.workspace.selectors import Workspace

SCORE_PART_LABELS = {
    "balance": _("Support balance"),
    "coverage": _("Coverage"),
    "champion_coach": _("Champion and coach"),
    "freshness": _("Freshness"),
}

_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_data(value) -> str:
    """JSON safe to put inside a <script type="application/json"> element (as Django's json_script)."""
    return mark_safe(json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES))


@functools.lru_cache(maxsize=512)
def rule_url(rule: str) -> str:
    """The method guide page and anchor a course reference points to."""
    chapter, anchor = rule_target(rule)
    url = reverse("workspace:method_chapter", args=[chapter])
    return f"{url}#{anchor}" if anchor else url


def finding_item(f: Finding, names: dict[str, str], texts: tuple[str, ...] = ()) -> dict:
    """A finding as the findings list shows it.

    ``message`` and ``action`` are the engine's sentences; ``message_html`` and ``action_html``
    the same, escaped, with each of ``texts`` (see :func:`~dealmap.interchange.bidi.typed_texts`) in a ``<bdi>`` so that a
    name written right to left cannot turn the words after it around.
    """
    lang = i18n.lang()
    message, action = f.message.get(lang), f.action.get(lang)
    return {
        "code": f.code,
        "severity": f.severity,
        "subject": f.subject,
        "person": f.subject if f.subject in names else "",
        "person_name": isolated(names[f.subject])
        if f.subject in names
        else "",  # an attribute: FSI…PDI, no <bdi>
        "message": message,
        "action": action,
        "message_html": isolate_within(message, texts),
        "action_html": isolate_within(action, texts),
        "rule": rule_label(f.rule, i18n.lang()),
        "rule_url": rule_url(f.rule),
    }


def findings_by_severity(findings, names: dict[str, str], texts: tuple[str, ...] = ()) -> list[dict]:
    """The findings grouped by severity, critical first, each group with its label."""
    groups = defaultdict(list)
    for f in findings:
        groups[f.severity].append(finding_item(f, names, texts))
    return [
        {
            "code": s.code,
            "label": i18n.label(codes.SEVERITIES, s.code),
            "items": groups[s.code],
            "shown": _shown(groups[s.code]),
            "folded": _folded(groups[s.code]),
        }
        for s in codes.SEVERITIES
        if groups[s.code]
    ]


#: Of the findings sharing a code, this many are shown in full; the rest fold under "n more".
FULL_PER_CODE = 2


def _rank_in_code(items: list[dict]) -> list[int]:
    seen: dict[str, int] = defaultdict(int)
    ranks = []
    for item in items:
        ranks.append(seen[item["code"]])
        seen[item["code"]] += 1
    return ranks


def _shown(items: list[dict]) -> list[dict]:
    return [i for i, rank in zip(items, _rank_in_code(items), strict=True) if rank < FULL_PER_CODE]


def _folded(items: list[dict]) -> list[dict]:
    return [i for i, rank in zip(items, _rank_in_code(items), strict=True) if rank >= FULL_PER_CODE]


def score_view(ws: Workspace) -> dict:
    """The score, its change since the previous trend point and its parts against their maximum."""
    value = ws.report.score.value
    previous = ws.trend[-2][1] if len(ws.trend) > 1 else None
    parts = [
        {"code": code, "points": ws.report.score.parts.get(code, 0.0), "max": top}
        for code, top in PART_POINTS.items()
    ]
    return {
        "value": value,
        "delta": value - previous if previous is not None else None,
        "since": ws.trend[0][0] if ws.trend else ws.as_of,
        "parts": parts,
        "trend": [{"date": d.isoformat(), "score": s} for d, s in ws.trend],
    }


def strategy_columns(ws: Workspace) -> list[dict]:
    """The strategy board: a column per strategy, a card per person with actions and influencers."""
    lang = i18n.lang()
    people = ws.people
    names = {k: p.name for k, p in people.items()}
    texts = typed_texts(ws.domain)
    columns = {s.code: {"code": s.code, "label": s.label.get(lang), "cards": []} for s in codes.STRATEGIES}
    for view in ws.report.people:
        person = people[view.id]
        columns[view.strategy]["cards"].append(
            {
                "key": view.id,
                "name": person.name,
                "title": person.title,
                "department": i18n.label(codes.DEPARTMENTS, person.department),
                "level": view.level,
                "group": view.group,
                "weight": view.weight,
                "coach": person.is_coach,
                "decision_maker": person.buying_role == "decision_maker",
                "actions": action_items(view.actions, texts),
                "influenced_by": [names.get(k, k) for k in view.influenced_by],
            }
        )
    for column in columns.values():
        column["cards"].sort(key=lambda c: (-c["weight"], c["name"]))
    return list(columns.values())


def action_items(actions, texts: tuple[str, ...]) -> list[dict]:
    """A person's next steps: the text (``html``: with the names in it isolated) and the course rule."""
    lang = i18n.lang()
    return [
        {
            "text": a.text.get(lang),
            "html": isolate_within(a.text.get(lang), texts),
            "rule": rule_label(a.rule, i18n.lang()),
            "url": rule_url(a.rule),
        }
        for a in actions
    ]


def research_view(ws: Workspace) -> dict:
    """The seven questions with their answers and how many are answered."""
    answers = ws.deal.research_answers()
    done = sum(1 for _, a in answers if a.strip())
    return {
        "questions": [
            {"code": code, "label": i18n.label(codes.RESEARCH_QUESTIONS, code), "answer": answer}
            for code, answer in answers
        ],
        "done": done,
        "total": len(answers),
        "percent": round(100 * done / len(answers)) if answers else 0,
    }


def level_table() -> list[dict]:
    """Every level with its name, meaning and typical words in the active language (for the slider)."""
    lang = i18n.lang()
    return [
        {
            "level": lv.level,
            "signed": lv.signed,
            "name": lv.label.get(lang),
            "means": lv.means.get(lang),
            "words": [w.get(lang) for w in lv.words],
            "colour": LEVEL_COLOURS[lv.level],
        }
        for lv in sorted(LEVELS.values(), key=lambda lv: lv.level)
    ]


def whatif_rows(ws: Workspace) -> list[dict]:
    """The people of the sandbox, heaviest first, with their current level."""
    views = ws.views
    rows = [
        {"key": p.id, "name": p.name, "title": p.title, "level": views[p.id].level, "weight": p.weight}
        for p in ws.domain.stakeholders
    ]
    return sorted(rows, key=lambda r: (-r["weight"], r["name"]))


def whatif_view(change: WhatIf, ws: Workspace, overrides: dict[str, int]) -> dict:
    """The sandbox's outcome: the score before and after, findings gained and resolved, and the
    power map as it would look (None when nothing is overridden: the map stays as it is)."""
    names = {p.id: p.name for p in ws.domain.stakeholders}
    texts = typed_texts(ws.domain)
    return {
        "map": whatif_map(change, ws, overrides) if overrides else None,
        "before": change.base.score.value,
        "after": change.report.score.value,
        "delta": change.score_delta,
        "gained": [finding_item(f, names, texts) for f in change.gained],
        "lost": [finding_item(f, names, texts) for f in change.lost],
        "findings": findings_by_severity(change.report.findings, names, texts),
        "overrides": [{"key": k, "name": names[k], "level": v} for k, v in overrides.items()],
    }


def whatif_map(change: WhatIf, ws: Workspace, overrides: dict[str, int]) -> dict:
    """The power map with the overridden levels: the same chart data as the real map's, each
    overridden person marked with their actual level."""
    views = ws.views
    actual = {key: views[key].level for key in overrides}
    return map_view(with_levels(ws.domain, overrides, ws.as_of), change.report, actual=actual)


def deal_context(ws: Workspace) -> dict:
    """Everything the deal page shows."""
    names = {p.id: p.name for p in ws.domain.stakeholders}
    return {
        "ws": ws,
        "deal": ws.deal,
        "as_of": ws.as_of,
        "replay": ws.replay,
        "readonly": ws.readonly,
        "score": score_view(ws),
        "group_rows": group_rows(ws),
        "pulse": pulse(ws),
        "findings": findings_by_severity(ws.report.findings, names, typed_texts(ws.domain)),
        "finding_count": len(ws.report.findings),
        "critical_count": sum(1 for f in ws.report.findings if f.severity == "critical"),
        "columns": strategy_columns(ws),
        "research": research_view(ws),
        "whatif_rows": whatif_rows(ws),
        "map": map_view(ws.domain, ws.report),
        "levels": level_table(),
        "people_count": len(ws.domain.stakeholders),
    }


def as_of_query(ws: Workspace) -> str:
    return f"?as_of={ws.as_of.isoformat()}" if ws.replay else ""


def parse_day(value: str | None) -> date | None:
    """A YYYY-MM-DD string as a date; None when missing or malformed."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def parse_level(value: str | None) -> int | None:
    """A level −4..+4 from a form or query string; None when missing or out of range."""
    try:
        level = int(value or "")
    except ValueError:
        return None
    return level if codes.LEVEL_MIN <= level <= codes.LEVEL_MAX else None


def parse_overrides(data, ws: Workspace) -> dict[str, int]:
    """The sandbox's levels: ``level_<key>`` fields that differ from the person's current level."""
    views = ws.views
    overrides = {}
    for person in ws.domain.stakeholders:
        level = parse_level(data.get(f"level_{person.id}"))
        if level is not None and level != views[person.id].level:
            overrides[person.id] = level
    return overrides


def read_note_suggestion(note: str) -> dict:
    """What the signals reader suggests for a note, labelled for the forms; empty if it is not installed.

    Every suggested signal and department comes with the cues behind it, as the level does.
    """
    empty = {
        "level": None,
        "signals": [],
        "need": "",
        "cues": [],
        "confidence": 0.0,
        "available": False,
        "note": note,
    }
    try:
        from dealmap.signals import read_note
    except ImportError:
        return empty
    if not note.strip():
        return {**empty, "available": True}
    reading = read_note(note)
    signals = [s for s in reading.signals if s in codes.SIGNALS]
    return {
        "available": True,
        "note": note,
        "level": reading.level,
        "level_name": i18n.text(LEVELS[reading.level].label) if reading.level is not None else "",
        "confidence": reading.confidence,
        "cues": list(reading.level_cues),
        "signals": signals,
        "signal_rows": _cued(codes.SIGNALS, signals, reading.signal_cues),
        "need": i18n.label(codes.PERSONAL_NEEDS, reading.need) if reading.need else "",
        "need_cues": list(reading.need_cues),
        "departments": _cued(codes.DEPARTMENTS, reading.departments, reading.department_cues),
    }


def _cued(vocabulary: codes.Vocabulary, found, cues) -> list[dict]:
    """Each code found, labelled, with the cues the reader matched for it."""
    return [
        {"code": c, "label": i18n.label(vocabulary, c), "cues": [cue for code, cue in cues if code == c]}
        for c in found
    ]


def map_view(deal: Deal, report: Report, *, actual: dict[str, int | None] | None = None) -> dict:
    """The power map's data with its words; for a what-if, ``actual`` holds the overridden people's
    real levels (see ``power_map``)."""
    return power_map(deal, report, lang=i18n.lang(), actual=actual) | {"text": map_texts()}


def map_texts() -> dict[str, object]:
    """The chart's own words in the active language (user text never goes here)."""
    return {
        "unassessed": str(_("Not assessed yet")),
        "evidence": str(_("Last evidence")),
        "assessedOn": str(_("Assessed on")),
        "strategy": str(_("Strategy")),
        "weight": str(_("Influence weight")),
        "coach": str(_("coach")),
        "decisionMaker": str(_("decision maker")),
        "whatIf": str(_("what-if")),
        "edges": {"reports_to": str(_("reports to"))}
        | {k.code: k.label.get(i18n.lang()) for k in codes.RELATION_KINDS},
        "levels": {str(lv.level): lv.label.get(i18n.lang()) for lv in LEVELS.values()},
    }


def group_rows(ws: Workspace) -> list[dict]:
    """The buying group as a table: each person's facts, attitude and strategy."""
    views = ws.views
    return [
        {"person": p, "view": views[p.id], "power": p.power, "authority": p.authority}
        for p in ws.domain.stakeholders
    ]


def pulse(ws: Workspace) -> list[dict]:
    """How many people are in each attitude group (the header's one-line summary)."""
    counts = defaultdict(int)
    for view in ws.report.people:
        counts[view.group] += 1
    return [
        {"code": g.code, "label": i18n.label(codes.GROUPS, g.code), "count": counts[g.code]}
        for g in codes.GROUPS
    ]
