"""Where our time goes (ch5.s1 第二: reinforce supporters, develop neutrals, do not over-invest in opponents)."""

from __future__ import annotations

from collections.abc import Iterator

from dealmap.engine.checks.base import Context, about, finding, ids, names
from dealmap.engine.report import Finding
from dealmap.method.findings import PHRASES, fill
from dealmap.method.levels import level_text


def opponent_overinvested(ctx: Context) -> Iterator[Finding]:
    """TIME_OPPONENT_OVERINVESTED: more person-interactions with opponents than with supporters."""
    opponents = [s for s in ctx.index.in_group("opponent") if s.contacts]
    on_opponents = sum(s.contacts for s in opponents)
    on_supporters = sum(s.contacts for s in ctx.index.in_group("supporter"))
    if on_opponents > on_supporters:
        yield finding(
            "TIME_OPPONENT_OVERINVESTED",
            stakeholders=ids(opponents),
            days=ctx.index.rules.contact_window_days,
            opponent_count=on_opponents,
            supporter_count=on_supporters,
            opponents=_counted(opponents, "opponent"),
        )


def _counted(states, kind: str):
    """A phrase naming one person or several: "the opponent (周文)" / "opponents (周文、吴芳)"."""
    phrase = PHRASES[f"{kind}_one" if len(states) == 1 else f"{kind}_some"]
    return fill(phrase, names=names(states))


def supporter_neglected(ctx: Context) -> Iterator[Finding]:
    """TIME_SUPPORTER_NEGLECTED: a supporter without an interaction in the neglect window."""
    days = ctx.index.rules.neglect_days
    since = ctx.index.since(days)
    for state in ctx.index.in_group("supporter"):
        if state.last_contact is None or state.last_contact < since:
            if state.last_contact is None:
                contact = PHRASES["never_contacted"]
            else:
                contact = fill(PHRASES["not_contacted_since"], days=days, last=state.last_contact.isoformat())
            yield about("TIME_SUPPORTER_NEGLECTED", state, level=level_text(state.level), contact=contact)


def neutrals_undeveloped(ctx: Context) -> Iterator[Finding]:
    """NEUTRALS_UNDEVELOPED: neutrals hold enough of the assessed weight and none was contacted lately."""
    rules = ctx.index.rules
    assessed = sum(s.weight for s in ctx.index.people.values() if s.current is not None)
    neutrals = ctx.index.in_group("neutral")
    weight = sum(s.weight for s in neutrals)
    if not neutrals or 100 * weight < rules.neutral_share_pct * assessed:
        return
    since = ctx.index.since(rules.neutral_contact_days)
    if any(s.last_contact is not None and s.last_contact >= since for s in neutrals):
        return
    yield finding(
        "NEUTRALS_UNDEVELOPED",
        stakeholders=ids(neutrals),
        neutrals=_counted(neutrals, "neutral"),
        none_contacted=PHRASES["none_contacted_one" if len(neutrals) == 1 else "none_contacted_some"],
        share=round(100 * weight / assessed),
        days=rules.neutral_contact_days,
    )
