"""One pass over a deal's history, so every rule reads per-person facts instead of rescanning events.

Only what is dated on or before `as_of` is read. All windows are inclusive: "in the last N days"
means as_of - N <= date <= as_of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from dealmap.engine.model import Assessment, Deal, Interaction, Stakeholder
from dealmap.engine.rules import Rules
from dealmap.method.codes import INCONSISTENCY_SIGNALS, KEY_ROLES, POWER_UNKNOWN, group_of_level

_RED_FLAGS = frozenset(INCONSISTENCY_SIGNALS)


@dataclass(slots=True)
class PersonState:
    """What the history says about one person as of the analysis date."""

    person: Stakeholder
    key: bool
    id: str = ""
    order: tuple = ()  # natural sort key of the id
    current: Assessment | None = None
    peak: int | None = None  # highest level in the decline window
    low: int | None = None  # lowest / highest level in the volatility window
    high: int | None = None
    last_contact: date | None = None
    contacts: int = 0  # person-interactions in the contact window
    trust: int = 0  # sum of trust deltas in the trust window
    red_flags: set[str] = field(default_factory=set)  # inconsistency signals in the signal window
    group: str = "unassessed"  # from the current level, set once the history is folded
    label: object = None  # how messages name them, filled once on first use

    @property
    def level(self) -> int | None:
        return None if self.current is None else self.current.level

    @property
    def weight(self) -> int:
        return self.person.weight


@dataclass(frozen=True)
class DealIndex:
    """The deal with its history folded into one `PersonState` per person."""

    deal: Deal
    as_of: date
    rules: Rules
    people: dict[str, PersonState]

    def since(self, days: int) -> date:
        """The first day of the window 'the last `days` days' (no earlier than the calendar's first day)."""
        if self.as_of.toordinal() - days < 1:
            return date.min
        return self.as_of - timedelta(days=days)

    def in_group(self, group: str) -> list[PersonState]:
        return [p for p in self.people.values() if p.group == group]


def is_key(person: Stakeholder, rules: Rules) -> bool:
    """Key stakeholder: a key buying role, or power at least `key_power_min` (unknown power = 3)."""
    return person.buying_role in KEY_ROLES or (person.power or POWER_UNKNOWN) >= rules.key_power_min


def build_index(deal: Deal, as_of: date, rules: Rules) -> DealIndex:
    """Fold assessments and interactions into per-person facts, reading each event once."""
    people = {p.id: PersonState(p, is_key(p, rules), p.id, natural_key(p.id)) for p in deal.stakeholders}
    index = DealIndex(deal, as_of, rules, people)
    _fold_assessments(index, deal.assessments)
    _fold_interactions(index, deal.interactions)
    for state in people.values():
        state.group = group_of_level(state.level)
    return index


def _fold_assessments(index: DealIndex, assessments: tuple[Assessment, ...]) -> None:
    as_of, people, rules = index.as_of, index.people, index.rules
    decline_since = index.since(rules.decline_window_days)
    volatile_since = index.since(rules.volatile_window_days)
    signal_since = index.since(rules.signal_window_days)
    oldest = min(decline_since, volatile_since, signal_since)
    for a in assessments:  # recording order: on a same-day tie the later one becomes current
        day = a.date
        state = people.get(a.stakeholder)
        if state is None or day > as_of:
            continue
        if state.current is None or day >= state.current.date:
            state.current = a
        if day < oldest:  # most of a long history: only the current assessment can change
            continue
        level = a.level
        if day >= decline_since and (state.peak is None or level > state.peak):
            state.peak = level
        if day >= volatile_since:
            if state.low is None or level < state.low:
                state.low = level
            if state.high is None or level > state.high:
                state.high = level
        if a.signals and day >= signal_since:
            state.red_flags.update(_RED_FLAGS.intersection(a.signals))


def _fold_interactions(index: DealIndex, interactions: tuple[Interaction, ...]) -> None:
    as_of, people, rules = index.as_of, index.people, index.rules
    contact_since = index.since(rules.contact_window_days)
    trust_since = index.since(rules.trust_window_days)
    signal_since = index.since(rules.signal_window_days)
    oldest = min(contact_since, trust_since, signal_since)
    for it in interactions:
        day = it.date
        if day > as_of:
            continue
        if day < oldest:  # outside every window: only the last contact can change
            for pid in it.stakeholders:
                state = people.get(pid)
                if state is not None and (state.last_contact is None or day > state.last_contact):
                    state.last_contact = day
            continue
        counted = day >= contact_since
        delta = it.trust_delta if it.trust_delta and day >= trust_since else 0
        flags = _RED_FLAGS.intersection(it.signals) if it.signals and day >= signal_since else ()
        ids = it.stakeholders if len(it.stakeholders) < 2 else dict.fromkeys(it.stakeholders)
        for pid in ids:
            state = people.get(pid)
            if state is None:
                continue
            if state.last_contact is None or day > state.last_contact:
                state.last_contact = day
            if counted:
                state.contacts += 1
            state.trust += delta
            if flags:
                state.red_flags.update(flags)


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple:
    """Sort 'p2' before 'p10'."""
    parts = tuple(int(part) if part.isdigit() else part for part in _DIGITS.split(text))
    return (parts, text)
