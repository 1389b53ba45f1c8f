"""What we know of the need, the personal win and the person (ch1.s1, ch3, ch4)."""

from __future__ import annotations

from collections.abc import Iterator

from dealmap.engine.checks.base import Context, about, finding
from dealmap.engine.report import Finding
from dealmap.method.codes import RESEARCH_QUESTIONS
from dealmap.method.findings import PHRASES, fill, joined


def research_incomplete(ctx: Context) -> Iterator[Finding]:
    """NEED_RESEARCH_INCOMPLETE: any of the seven research answers is empty."""
    research = ctx.index.deal.opportunity.research
    missing = [q for q in RESEARCH_QUESTIONS.codes if not (getattr(research, q) or "").strip()]
    if missing:
        yield finding(
            "NEED_RESEARCH_INCOMPLETE",
            count=len(missing),
            questions=joined([RESEARCH_QUESTIONS[q].label for q in missing], "", " "),
        )


def personal_win_unknown(ctx: Context) -> Iterator[Finding]:
    """NEED_PERSONAL_WIN_UNKNOWN: a key stakeholder has no personal win recorded."""
    for state in ctx.index.people.values():
        if state.key and not (state.person.personal_wins or "").strip():
            yield about("NEED_PERSONAL_WIN_UNKNOWN", state)


def personal_need_unknown(ctx: Context) -> Iterator[Finding]:
    """NEED_PERSONAL_NEED_UNKNOWN: a key stakeholder has no personal need type."""
    for state in ctx.index.people.values():
        if state.key and not state.person.personal_need:
            yield about("NEED_PERSONAL_NEED_UNKNOWN", state)


def not_for_me(ctx: Context) -> Iterator[Finding]:
    """OBJ_NOT_FOR_ME: a stakeholder objects that it is not right for *them*."""
    for state in ctx.index.people.values():
        objection = state.person.objection
        if objection is not None and objection.kind == "not_for_me":
            text = (objection.text or "").strip()
            yield about(
                "OBJ_NOT_FOR_ME", state, text=fill(PHRASES["objection_text"], text=text) if text else ""
            )


def esteem_incumbent_risk(ctx: Context) -> Iterator[Finding]:
    """PERS_ESTEEM_INCUMBENT_RISK: we are the incumbent and a key stakeholder seeks esteem."""
    if not ctx.index.deal.opportunity.we_are_incumbent:
        return
    for state in ctx.index.people.values():
        if state.key and state.person.personal_need == "esteem":
            yield about("PERS_ESTEEM_INCUMBENT_RISK", state)


def safety_delay(ctx: Context) -> Iterator[Finding]:
    """PERS_SAFETY_DELAY: a key stakeholder seeks safety — expect delay."""
    for state in ctx.index.people.values():
        if state.key and state.person.personal_need == "safety":
            yield about("PERS_SAFETY_DELAY", state)
