"""The method guide: the course as in-app pages, built from ``dealmap.method`` in the active language."""

from __future__ import annotations

import re

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from dealmap.method import codes
from dealmap.method.behaviour import SIGNAL_INFO
from dealmap.method.departments import DEPARTMENT_POINTS, LAYER_FOCUS
from dealmap.method.findings import CATALOGUE
from dealmap.method.levels import LEVELS, UNASSESSED_ACTION
from dealmap.method.needs import PERSONAL_NEED_INFO, UNKNOWN_NEED
from dealmap.method.outline import rule_label
from dealmap.method.research import RESEARCH_PURPOSE
from dealmap.method.strategies import (
    COACH,
    COACH_OPPOSED,
    FIND_A_PATH,
    GROUP_ACTIONS,
    NOT_FOR_COMPANY,
    NOT_FOR_ME,
    OPPONENT_AT_THE_TOP,
    USE_SUPPORTERS,
)
from dealmap.method.styles import CHANGE_STYLE_TACTICS
from dealmap.web import i18n
from dealmap.web.workspace.guide import CHAPTER_BY_SLUG, CHAPTERS, FINDINGS_SLUG, rule_target
from dealmap.web.workspace.presenters import rule_url

_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _entry(
    title: str, *lines, rule: str = "", items=(), label: str = "", items_label: str = "", action=None
) -> dict:
    return {
        "title": title,
        "label": label,
        "lines": [_PLACEHOLDER.sub("…", i18n.text(x)) for x in lines],
        "items": [i18n.text(x) for x in items],
        "items_label": items_label,
        "action": i18n.text(action) if action is not None else "",
        "rule": rule_label(rule, i18n.lang()),
        "url": rule_url(rule) if rule else "",
    }


def _point(title: str, point, **kw) -> dict:
    return _entry(title, point.text, rule=point.rule, **kw)


def _vocab(vocabulary, code) -> str:
    return i18n.label(vocabulary, code)


def _department_entries(*departments: str) -> list[dict]:
    return [
        _entry(
            _vocab(codes.DEPARTMENTS, d),
            items=[p.text for p in DEPARTMENT_POINTS[d]],
            rule=DEPARTMENT_POINTS[d][0].rule,
        )
        for d in departments
    ]


def _sections() -> dict[str, list[dict]]:
    """Each guide section's entries."""
    layer = lambda code: _point(_vocab(codes.LAYERS, code), LAYER_FOCUS[code])  # noqa: E731
    return {
        "ch1-s1": [
            layer("management"),
            _point(_vocab(codes.OBJECTION_KINDS, "not_for_company"), NOT_FOR_COMPANY),
            _point(_vocab(codes.OBJECTION_KINDS, "not_for_me"), NOT_FOR_ME),
        ],
        "ch1-s2": [_point(_vocab(codes.CHANGE_STYLES, c), t) for c, t in CHANGE_STYLE_TACTICS.items()],
        "ch2-s1": [layer("decision"), *_department_entries("executive")],
        "ch2-s2": _department_entries("purchasing", "technical", "user", "finance"),
        "ch2-s3": [layer("execution"), *_department_entries("other")],
        **{
            f"ch3-s{i}": [
                _entry(
                    _vocab(codes.PERSONAL_NEEDS, need.code),
                    items=need.cues,
                    items_label=_("How to spot it"),
                    action=need.tactic.text,
                    rule=need.tactic.rule,
                )
            ]
            for i, need in enumerate(PERSONAL_NEED_INFO.values(), start=1)
        },
        "ch4-s0": [
            _entry(_vocab(codes.RESEARCH_QUESTIONS, code), RESEARCH_PURPOSE[code])
            for code in codes.RESEARCH_QUESTIONS.codes
        ],
        "ch5-s1": [
            *[
                _point(
                    f"{_vocab(codes.GROUPS, g)} → {_vocab(codes.STRATEGIES, codes.STRATEGY_OF_GROUP[g])}", p
                )
                for g, p in GROUP_ACTIONS.items()
            ],
            _point(
                i18n.text(codes.Text("决策层里的反对者", "An opponent in the decision layer")),
                OPPONENT_AT_THE_TOP,
            ),
            _point("", USE_SUPPORTERS),
            _point("", FIND_A_PATH),
            _point(i18n.text(codes.Text("内线", "Coach")), COACH),
            _point(i18n.text(codes.Text("反对我们的内线", "A coach who opposes us")), COACH_OPPOSED),
        ],
        "ch5-s2": [
            _entry(
                i18n.text(lv.label),
                lv.means,
                items=lv.words,
                items_label=_("Typical words and behaviour"),
                action=lv.action,
                rule=lv.rule,
                label=lv.signed,
            )
            for lv in sorted(LEVELS.values(), key=lambda lv: -lv.level)
        ]
        + [_entry(_vocab(codes.GROUPS, "unassessed"), action=UNASSESSED_ACTION)],
        "ch5-s3": [
            _entry(
                _vocab(codes.SIGNALS, s.code),
                s.means,
                rule=s.rule,
                label={1: "+", -1: "−", 0: "·"}[s.polarity],
            )
            for s in SIGNAL_INFO.values()
        ],
    }


def _catalogue() -> list[dict]:
    lang = i18n.lang()
    return [
        {
            "code": spec.code,
            "severity": spec.severity,
            "severity_label": _vocab(codes.SEVERITIES, spec.severity),
            "message": _PLACEHOLDER.sub("…", spec.message.get(lang)),
            "action": _PLACEHOLDER.sub("…", spec.action.get(lang)),
            "rule": rule_label(spec.rule, lang),
            "url": rule_url(spec.rule),
            "chapter": rule_target(spec.rule)[0],
        }
        for spec in CATALOGUE.values()
    ]


def _nav() -> list[dict]:
    return [{"slug": c.slug, "title": i18n.text(c.title)} for c in CHAPTERS]


@require_safe
def method_index(request: HttpRequest) -> HttpResponse:
    """The guide's contents: the chapters and the finding catalogue."""
    chapters = [
        {"slug": c.slug, "title": i18n.text(c.title), "sections": [i18n.text(s.title) for s in c.sections]}
        for c in CHAPTERS
    ]
    return render(
        request,
        "workspace/method/index.html",
        {"chapters": chapters, "nav": _nav(), "unknown_need": i18n.text(UNKNOWN_NEED.text)},
    )


@require_safe
def method_chapter(request: HttpRequest, slug: str) -> HttpResponse:
    """One chapter with its sections, or the finding catalogue (``findings``)."""
    catalogue = _catalogue()
    if slug == FINDINGS_SLUG:
        return render(
            request, "workspace/method/findings.html", {"catalogue": catalogue, "nav": _nav(), "slug": slug}
        )
    chapter = CHAPTER_BY_SLUG.get(slug)
    if chapter is None:
        raise Http404("No such chapter.")
    entries = _sections()
    sections = [
        {"anchor": s.anchor, "title": i18n.text(s.title), "entries": entries.get(s.anchor, [])}
        for s in chapter.sections
    ]
    context = {
        "chapter": {"slug": chapter.slug, "title": i18n.text(chapter.title)},
        "sections": sections,
        "findings": [f for f in catalogue if f["chapter"] == slug],
        "nav": _nav(),
        "slug": slug,
    }
    return render(request, "workspace/method/chapter.html", context)
