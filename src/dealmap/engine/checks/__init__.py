"""The 26 rules of methodology §4, each a small function from the folded deal to findings."""

from __future__ import annotations

from dealmap.engine.checks import attention, attitude, coverage, needs, support
from dealmap.engine.checks.base import Check, Context

CHECKS: tuple[Check, ...] = (
    coverage.single_thread,
    coverage.single_department,
    coverage.no_decision_layer,
    coverage.department_gap,
    coverage.unassessed,
    attitude.stale,
    support.decision_maker_not_supportive,
    support.powerful_opponent,
    support.balance_negative,
    support.no_champion,
    support.no_coach,
    attention.opponent_overinvested,
    attention.supporter_neglected,
    attention.neutrals_undeveloped,
    attitude.double_dealing,
    attitude.inconsistent,
    attitude.declining,
    attitude.volatile,
    attitude.senior_unverified,
    needs.research_incomplete,
    needs.personal_win_unknown,
    needs.personal_need_unknown,
    needs.not_for_me,
    needs.esteem_incumbent_risk,
    support.no_path,
    needs.safety_delay,
)

__all__ = ["CHECKS", "Check", "Context"]
