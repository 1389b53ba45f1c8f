"""The strategy for each person: group, ordered actions and the supporters who reach them (ch5.s1, §5)."""

from __future__ import annotations

from dealmap.engine.checks.base import Context, at_the_top
from dealmap.engine.index import PersonState
from dealmap.engine.report import PersonView
from dealmap.method.codes import STRATEGY_OF_GROUP
from dealmap.method.departments import talking_points
from dealmap.method.findings import fill
from dealmap.method.levels import LEVELS, UNASSESSED_ACTION, UNASSESSED_RULE
from dealmap.method.needs import PERSONAL_NEED_INFO, UNKNOWN_NEED
from dealmap.method.strategies import (
    COACH,
    COACH_OPPOSED,
    CONSULT_COACH,
    FIND_A_PATH,
    GROUP_ACTIONS,
    NOT_FOR_COMPANY,
    NOT_FOR_ME,
    OPPONENT_AT_THE_TOP,
    USE_SUPPORTER,
    USE_SUPPORTERS,
    Point,
)
from dealmap.method.styles import CHANGE_STYLE_TACTICS


def person_views(ctx: Context) -> tuple[PersonView, ...]:
    """Every stakeholder's view, in id order."""
    states = sorted(ctx.index.people.values(), key=lambda s: s.order)
    return tuple(person_view(ctx, state) for state in states)


def person_view(ctx: Context, state: PersonState) -> PersonView:
    people = ctx.index.people
    influenced_by = tuple(sorted(ctx.reach.get(state.id, ()), key=lambda i: people[i].order))
    return PersonView(
        id=state.id,
        name=state.person.name,
        level=state.level,
        group=state.group,
        strategy=STRATEGY_OF_GROUP[state.group],
        weight=state.weight,
        actions=tuple(_points(ctx, state, influenced_by)),
        influenced_by=influenced_by,
    )


#: At this level and below an opponent "will not move unless the competitor errs" (ch5.s2 −3/−4):
#: the tactics that win a person over (their personal need, their change style) are left out, as
#: they would contradict "limit what they see, do not over-invest".
CLOSED_LEVEL = -3


def _points(ctx: Context, state: PersonState, influenced_by: tuple[str, ...]) -> list[Point]:
    """Level first, then department talking points, personal need and change style."""
    person = state.person
    points = _attitude_points(ctx, state, influenced_by)
    if person.is_coach:
        points.append(COACH_OPPOSED if state.group == "opponent" else COACH)
    if person.objection is not None:
        points.append(NOT_FOR_ME if person.objection.kind == "not_for_me" else NOT_FOR_COMPANY)
    points.extend(talking_points(person.department))
    if state.level is not None and state.level <= CLOSED_LEVEL:
        return points
    need = PERSONAL_NEED_INFO.get(person.personal_need or "")
    points.append(need.tactic if need else UNKNOWN_NEED)
    if person.change_style in CHANGE_STYLE_TACTICS:
        points.append(CHANGE_STYLE_TACTICS[person.change_style])
    return points


def _attitude_points(ctx: Context, state: PersonState, influenced_by: tuple[str, ...]) -> list[Point]:
    if state.level is None:
        return [Point(UNASSESSED_ACTION, UNASSESSED_RULE)]
    level = LEVELS[state.level]
    person = state.person
    if state.group == "opponent" and at_the_top(person):
        points = [OPPONENT_AT_THE_TOP]
    elif state.level == 3 and person.is_coach:
        points = [GROUP_ACTIONS[state.group], CONSULT_COACH]
    else:
        points = [GROUP_ACTIONS[state.group], Point(level.action, level.rule)]
    if state.group in ("neutral", "opponent"):
        if influenced_by:
            names = [ctx.index.people[i].person.name for i in influenced_by]
            use = USE_SUPPORTER if len(names) == 1 else USE_SUPPORTERS
            points.append(Point(fill(use.text, names=names), use.rule))
        else:
            points.append(FIND_A_PATH)
    return points
