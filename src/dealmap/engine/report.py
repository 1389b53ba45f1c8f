"""What the analysis returns: findings, a view of each person, the score."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dealmap.method.codes import Text
from dealmap.method.strategies import Point


@dataclass(frozen=True)
class Finding:
    """A risk or gap, citing the course section (`rule`) it comes from.

    `subject` is the person's id, the department code (COV_DEPARTMENT_GAP), or '' when deal-wide.
    """

    code: str
    severity: str
    subject: str
    stakeholders: tuple[str, ...]
    departments: tuple[str, ...]
    message: Text
    action: Text
    rule: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.code, self.subject)


#: One thing to do for a person and the course section behind it: the method's own advice
#: (`text`, `rule`), handed out as is rather than copied.
Action = Point


@dataclass(frozen=True)
class PersonView:
    """A person's current attitude, the strategy for them and the supporters who reach them."""

    id: str
    name: str
    level: int | None
    group: str
    strategy: str
    weight: int
    actions: tuple[Action, ...]
    influenced_by: tuple[str, ...]


@dataclass(frozen=True)
class Score:
    """The 0..100 position score and the parts it adds up from."""

    value: int
    parts: dict[str, float]


@dataclass(frozen=True)
class Report:
    as_of: date
    score: Score
    balance: float
    findings: tuple[Finding, ...]
    people: tuple[PersonView, ...]


@dataclass(frozen=True)
class WhatIf:
    """A re-run with some levels overridden, and how it differs from the real report."""

    report: Report
    base: Report
    gained: tuple[Finding, ...]
    lost: tuple[Finding, ...]
    score_delta: int
    balance_delta: float
