"""The balance B and the 0..100 position score (methodology §4, §6).

Score = balance (40) + coverage (25) + champion_coach (20) + freshness (15):

- balance        = 40 · (1 + B · K) / 2, B = Σ w·level / (4·Σ w) over assessed people (0 when nobody
                   is), K = the coverage mean below: the balance counts as far as the map reaches.
                   Without K, mapping only the one person who backs us (B = 1) outscored mapping
                   the whole group; with it, an unmapped group pulls the balance towards neutral.
- coverage       = 25 · mean of: a decision-layer person mapped (0/1); the share of purchasing,
                   technical, user, finance with somebody mapped; min(1, people contacted in the
                   contact window / 3); the share of key stakeholders assessed.
- champion_coach = 10 · clamp(highest current level, 0, champion_level) / champion_level
                   + 10 if anybody is marked as coach.
- freshness      = 15 · mean of: the share of key stakeholders whose latest assessment is within
                   `stale_days`; the share of people contacted in the contact window.

Levels enter only through B (increasing in every level; K ≥ 0 does not depend on levels) and the
highest level, and the coach only through an indicator, so raising anybody's level or marking a
coach never lowers the score. It is a position, not a win probability.
"""

from __future__ import annotations

import math

from dealmap.engine.checks.coverage import EXPECTED_DEPARTMENTS
from dealmap.engine.index import DealIndex
from dealmap.engine.report import Score
from dealmap.method.codes import LEVEL_MAX

BALANCE_POINTS, COVERAGE_POINTS, CHAMPION_POINTS, COACH_POINTS, FRESHNESS_POINTS = 40, 25, 10, 10, 15
#: Each part of the score and the most points it can give (they add up to 100).
PART_POINTS = {
    "balance": BALANCE_POINTS,
    "coverage": COVERAGE_POINTS,
    "champion_coach": CHAMPION_POINTS + COACH_POINTS,
    "freshness": FRESHNESS_POINTS,
}
#: Contacting this many people in the window counts as fully multi-threaded.
THREADS_TARGET = 3


def balance(index: DealIndex) -> float:
    """B = Σ w·level / (4·Σ w) over people with a current assessment; 0 when nobody is assessed."""
    assessed = [s for s in index.people.values() if s.level is not None]
    total = sum(s.weight for s in assessed)
    if not total:
        return 0.0
    return sum(s.weight * s.level for s in assessed) / (LEVEL_MAX * total)


def position_score(index: DealIndex, b: float) -> Score:
    """The position score with its parts (each rounded to one decimal)."""
    reach = _mean(_coverage(index))
    parts = {
        "balance": BALANCE_POINTS * (1 + b * reach) / 2,
        "coverage": COVERAGE_POINTS * reach,
        "champion_coach": _champion(index) + _coach(index),
        "freshness": FRESHNESS_POINTS * _mean(_freshness(index)),
    }
    value = math.floor(sum(parts.values()) + 0.5)  # 42.5 → 43, as the parts shown add up
    return Score(value=value, parts={name: round(points, 1) for name, points in parts.items()})


def _coverage(index: DealIndex) -> list[float]:
    people = index.people.values()
    departments = {s.person.department for s in people}
    key = [s for s in people if s.key]
    return [
        float(any(s.person.layer == "decision" for s in people)),
        sum(d in departments for d in EXPECTED_DEPARTMENTS) / len(EXPECTED_DEPARTMENTS),
        min(1.0, sum(1 for s in people if s.contacts) / THREADS_TARGET),
        _share(sum(1 for s in key if s.current is not None), len(key)),
    ]


def _champion(index: DealIndex) -> float:
    top = max((s.level for s in index.people.values() if s.level is not None), default=0)
    target = max(1, index.rules.champion_level)
    return CHAMPION_POINTS * min(max(top, 0), target) / target


def _coach(index: DealIndex) -> float:
    return COACH_POINTS if any(s.person.is_coach for s in index.people.values()) else 0.0


def _freshness(index: DealIndex) -> list[float]:
    since = index.since(index.rules.stale_days)
    people = list(index.people.values())
    key = [s for s in people if s.key]
    fresh = sum(1 for s in key if s.current is not None and s.current.date >= since)
    return [_share(fresh, len(key)), _share(sum(1 for s in people if s.contacts), len(people))]


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)
