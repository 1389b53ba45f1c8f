"""Where the support stands (ch5.s1, ch5.s2)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from dealmap.engine.checks.base import Context, about, at_the_top, finding, names
from dealmap.engine.report import Finding
from dealmap.method.codes import POWER_UNKNOWN
from dealmap.method.findings import PHRASES, POWERFUL_OPPONENT_AT_THE_TOP, fill
from dealmap.method.levels import level_text


def decision_maker_not_supportive(ctx: Context) -> Iterator[Finding]:
    """SUP_DECISION_MAKER_NOT_SUPPORTIVE: a decision maker is assessed below supportive."""
    people = ctx.index.people
    floor = ctx.index.rules.decision_maker_min_level
    for state in people.values():
        level = state.level
        if state.person.buying_role == "decision_maker" and level is not None and level < floor:
            reachers = [people[i] for i in ctx.reach.get(state.id, ())]
            if reachers:
                phrase = PHRASES["through_supporter" if len(reachers) == 1 else "through_supporters"]
                through = fill(phrase, names=names(reachers))
            else:
                through = PHRASES["through_none_yet"]
            yield about("SUP_DECISION_MAKER_NOT_SUPPORTIVE", state, level=level_text(level), through=through)


def powerful_opponent(ctx: Context) -> Iterator[Finding]:
    """SUP_POWERFUL_OPPONENT: an opponent with power or authority at the threshold or above."""
    threshold = ctx.index.rules.powerful_opponent_min
    for state in ctx.index.in_group("opponent"):
        person = state.person
        power = person.power or POWER_UNKNOWN
        authority = person.authority or POWER_UNKNOWN
        if power >= threshold or authority >= threshold:
            found = about(
                "SUP_POWERFUL_OPPONENT",
                state,
                level=level_text(state.level),
                power=person.power or PHRASES["power_unknown"],
                authority=person.authority or PHRASES["power_unknown"],
            )
            if at_the_top(person):
                found = replace(found, action=POWERFUL_OPPONENT_AT_THE_TOP)
            yield found


def balance_negative(ctx: Context) -> Iterator[Finding]:
    """SUP_BALANCE_NEGATIVE: the influence-weighted balance B is below zero."""
    if ctx.balance < 0:
        yield finding("SUP_BALANCE_NEGATIVE", balance=_below_zero(ctx.balance))


def _below_zero(balance: float) -> str:
    """A negative balance with two decimals, or as many more as it takes not to read "-0.00"."""
    for places in range(2, 7):
        text = f"{balance:.{places}f}"
        if float(text) != 0:
            return text
    return f"{balance:.1e}"


def no_champion(ctx: Context) -> Iterator[Finding]:
    """SUP_NO_CHAMPION: nobody at the champion level or above."""
    floor = ctx.index.rules.champion_level
    if not any(s.level is not None and s.level >= floor for s in ctx.index.people.values()):
        yield finding("SUP_NO_CHAMPION")


def no_coach(ctx: Context) -> Iterator[Finding]:
    """SUP_NO_COACH: nobody is marked as our coach (内线)."""
    if not any(s.person.is_coach for s in ctx.index.people.values()):
        yield finding("SUP_NO_COACH")


def no_path(ctx: Context) -> Iterator[Finding]:
    """INF_NO_PATH: a key neutral or opponent whom no supporter reaches in two steps."""
    for state in ctx.index.people.values():
        if state.key and state.group in ("neutral", "opponent") and not ctx.reach.get(state.id):
            yield about("INF_NO_PATH", state, level=level_text(state.level))
