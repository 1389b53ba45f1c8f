"""What every check reads, and how it builds a finding from the catalogue."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from dealmap.engine.index import DealIndex, PersonState, natural_key
from dealmap.engine.model import Stakeholder
from dealmap.engine.report import Finding
from dealmap.method.codes import Text
from dealmap.method.findings import CATALOGUE, PHRASES, fill


@dataclass(frozen=True)
class Context:
    """The folded deal plus the few deal-wide facts several checks share."""

    index: DealIndex
    reach: dict[str, set[str]]  # person id -> supporters reaching them
    balance: float


Check = Callable[[Context], Iterator[Finding]]


def finding(
    code: str,
    *,
    subject: str = "",
    stakeholders: Iterable[str] = (),
    departments: Iterable[str] = (),
    **values: object,
) -> Finding:
    """A finding of the catalogue, its message and action filled with `values`."""
    spec = CATALOGUE[code]
    stakeholders = tuple(stakeholders)
    return Finding(
        code=code,
        severity=spec.severity,
        subject=subject,
        stakeholders=stakeholders if len(stakeholders) < 2 else tuple(sorted(stakeholders, key=natural_key)),
        departments=tuple(sorted(departments)),
        message=fill(spec.message, **values),
        action=fill(spec.action, **values),
        rule=spec.rule,
    )


def about(code: str, state: PersonState, **values: object) -> Finding:
    """A finding about one person: subject and stakeholders are their id; `who` names them."""
    if state.label is None:
        state.label = who(state.person)
    return finding(code, subject=state.id, stakeholders=(state.id,), who=state.label, **values)


def at_the_top(person: Stakeholder) -> bool:
    """In the decision layer, or the one who signs: nobody sits above them to offset them before
    (the opponent's advice and SUP_POWERFUL_OPPONENT's action both turn on it)."""
    return person.layer == "decision" or person.buying_role == "decision_maker"


def who(person: Stakeholder) -> Text | str:
    """'陈建国(总经理)' / '陈建国 (总经理)', or just the name."""
    if not person.title:
        return person.name
    return fill(PHRASES["who"], name=person.name, title=person.title)


def names(states: Iterable[PersonState]) -> tuple[str, ...] | Text:
    """The people's names in id order, or 'nobody'."""
    ordered = sorted(states, key=lambda s: s.order)
    return tuple(s.person.name for s in ordered) or PHRASES["nobody"]


def ids(states: Iterable[PersonState]) -> list[str]:
    return [s.id for s in states]
