"""Whether an attitude is current and real (ch5.s3)."""

from __future__ import annotations

from collections.abc import Iterator

from dealmap.engine.checks.base import Context, about
from dealmap.engine.index import PersonState
from dealmap.engine.report import Finding
from dealmap.method.codes import INCONSISTENCY_SIGNALS, POSITIVE_SIGNALS, SIGNALS, Text
from dealmap.method.findings import PHRASES, fill, joined
from dealmap.method.levels import level_text


def stale(ctx: Context) -> Iterator[Finding]:
    """ATT_STALE: a key stakeholder's latest assessment is older than `stale_days`."""
    days = ctx.index.rules.stale_days
    since = ctx.index.since(days)
    for state in ctx.index.people.values():
        if state.key and state.current is not None and state.current.date < since:
            yield about("ATT_STALE", state, date=state.current.date.isoformat(), days=days)


def double_dealing(ctx: Context) -> Iterator[Finding]:
    """ATT_DOUBLE_DEALING: a supporter close to a competitor (affinity at the threshold or above)."""
    floor = ctx.index.rules.affinity_min
    for state in ctx.index.in_group("supporter"):
        strong = [a for a in state.person.competitor_affinity if a.strength >= floor]
        if strong:
            top = max(strong, key=lambda a: (a.strength, a.competitor))
            yield about("ATT_DOUBLE_DEALING", state, competitor=top.competitor, strength=top.strength)


def inconsistent(ctx: Context) -> Iterator[Finding]:
    """ATT_INCONSISTENT: a supporter showed an inconsistency signal in the signal window."""
    for state in ctx.index.in_group("supporter"):
        if state.red_flags:
            shown = [SIGNALS[c].label for c in INCONSISTENCY_SIGNALS if c in state.red_flags]
            yield about(
                "ATT_INCONSISTENT",
                state,
                level=level_text(state.level),
                days=ctx.index.rules.signal_window_days,
                signals=joined(shown, "、", "; "),
            )


def declining(ctx: Context) -> Iterator[Finding]:
    """ATT_DECLINING: the level fell from the window's peak, or trust deltas add up to a drop."""
    for state in ctx.index.people.values():
        details = _decline_details(ctx, state)
        if details:
            yield about("ATT_DECLINING", state, detail=joined(details, "；", "; "))


def _decline_details(ctx: Context, state: PersonState) -> list[Text]:
    rules, details = ctx.index.rules, []
    level = state.level
    if state.peak is not None and level is not None and level <= state.peak - rules.decline_drop:
        details.append(
            fill(
                PHRASES["decline_level"],
                days=rules.decline_window_days,
                peak=level_text(state.peak),
                level=level_text(level),
            )
        )
    if state.trust <= rules.trust_drop:
        details.append(
            fill(PHRASES["decline_trust"], days=rules.trust_window_days, trust=f"{state.trust:+d}")
        )
    return details


def volatile(ctx: Context) -> Iterator[Finding]:
    """ATT_VOLATILE: the levels assessed in the window span at least `volatile_span`."""
    rules = ctx.index.rules
    for state in ctx.index.people.values():
        if state.low is not None and state.high - state.low >= rules.volatile_span:
            yield about(
                "ATT_VOLATILE",
                state,
                days=rules.volatile_window_days,
                low=level_text(state.low),
                high=level_text(state.high),
            )


def senior_unverified(ctx: Context) -> Iterator[Finding]:
    """ATT_SENIOR_UNVERIFIED: a decision-layer supporter whose latest assessment shows no evidence."""
    floor = ctx.index.rules.senior_level_min
    for state in ctx.index.people.values():
        current = state.current
        if state.person.layer != "decision" or current is None or current.level < floor:
            continue
        if not current.evidence.strip() and not set(POSITIVE_SIGNALS).intersection(current.signals):
            yield about("ATT_SENIOR_UNVERIFIED", state, level=level_text(current.level))
