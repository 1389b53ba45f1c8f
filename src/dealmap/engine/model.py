"""The deal as plain data: what the engine reads.

These dataclasses mirror the `dealmap/1` deal file. The deal-file reader builds them from JSON
and the web layer builds them from database rows; the engine never sees either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from dealmap.method.codes import POWER_UNKNOWN


@dataclass(frozen=True)
class Account:
    name: str
    industry: str = ""
    notes: str = ""


@dataclass(frozen=True)
class Research:
    """Answers to the seven needs-research questions (ch4); empty string = not answered."""

    who_proposed: str = ""
    why: str = ""
    strategy_link: str = ""
    goals: str = ""
    target_market: str = ""
    new_or_iteration: str = ""
    timeline: str = ""


@dataclass(frozen=True)
class Opportunity:
    name: str
    stage: str = ""
    amount: float | None = None
    currency: str = "CNY"
    expected_close: date | None = None
    we_are_incumbent: bool = False
    competitors: tuple[str, ...] = ()
    research: Research = field(default_factory=Research)


@dataclass(frozen=True)
class Objection:
    kind: str  # OBJECTION_KINDS
    text: str = ""


@dataclass(frozen=True)
class CompetitorAffinity:
    competitor: str
    strength: int  # 0..3


@dataclass(frozen=True)
class Stakeholder:
    """A person of the customer, with their part in this deal."""

    id: str
    name: str
    layer: str
    department: str
    buying_role: str
    title: str = ""
    reports_to: str | None = None
    power: int | None = None
    authority: int | None = None
    change_style: str | None = None
    personal_need: str | None = None
    personal_wins: str = ""
    objection: Objection | None = None
    is_coach: bool = False
    competitor_affinity: tuple[CompetitorAffinity, ...] = ()
    notes: str = ""

    @property
    def weight(self) -> int:
        """Influence weight w = power + authority, unknown counting as 3 (2..10)."""
        return (self.power or POWER_UNKNOWN) + (self.authority or POWER_UNKNOWN)


@dataclass(frozen=True)
class Relation:
    source: str  # the file's "from"
    target: str  # the file's "to"
    kind: str  # RELATION_KINDS
    strength: int | None = None


# Assessments and interactions are the bulk of a deal (up to some 10^5 each): they are named
# tuples, which are as immutable as the frozen dataclasses around them and build three times as
# fast (a frozen dataclass sets each field through object.__setattr__; bench/engine.py). Change a
# field with `record._replace(...)`.


class Assessment(NamedTuple):
    """One recorded attitude of one person on one day. Never edited: a correction is a new one."""

    stakeholder: str
    date: date
    level: int
    evidence: str = ""
    signals: tuple[str, ...] = ()


class Interaction(NamedTuple):
    """One visit, call or message with one or more people of the buying group."""

    date: date
    stakeholders: tuple[str, ...]
    channel: str = ""
    summary: str = ""
    trust_delta: int | None = None
    signals: tuple[str, ...] = ()


@dataclass(frozen=True)
class Deal:
    """One opportunity at one account with its buying group and history.

    `assessments` are in recording order: of two assessments of one person on the same day,
    the later in this tuple is the current one.
    """

    account: Account
    opportunity: Opportunity
    stakeholders: tuple[Stakeholder, ...] = ()
    relations: tuple[Relation, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    interactions: tuple[Interaction, ...] = ()
    as_of: date | None = None
