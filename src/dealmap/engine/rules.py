"""The named thresholds of the analysis (methodology §4 defaults)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rules:
    """Every threshold the findings use. Days are inclusive windows ending on `as_of`."""

    contact_window_days: int = 90  # COV_SINGLE_THREAD, COV_SINGLE_DEPARTMENT, TIME_OPPONENT_OVERINVESTED
    min_threads: int = 2  # COV_SINGLE_THREAD: fewer distinct people than this
    stale_days: int = 60  # ATT_STALE: latest assessment older than this
    neglect_days: int = 30  # TIME_SUPPORTER_NEGLECTED
    neutral_contact_days: int = 30  # NEUTRALS_UNDEVELOPED
    neutral_share_pct: int = 40  # NEUTRALS_UNDEVELOPED: neutrals' share of assessed weight, in %
    key_power_min: int = 4  # key stakeholder: power at least this (or a key buying role)
    powerful_opponent_min: int = 4  # SUP_POWERFUL_OPPONENT: power or authority at least this
    decision_maker_min_level: int = 2  # SUP_DECISION_MAKER_NOT_SUPPORTIVE: fires below this
    champion_level: int = 3  # SUP_NO_CHAMPION
    affinity_min: int = 2  # ATT_DOUBLE_DEALING: competitor affinity at least this
    signal_window_days: int = 60  # ATT_INCONSISTENT
    decline_window_days: int = 90  # ATT_DECLINING: levels
    decline_drop: int = 2  # ATT_DECLINING: current at least this far below the window's peak
    trust_window_days: int = 60  # ATT_DECLINING: trust deltas
    trust_drop: int = -2  # ATT_DECLINING: trust deltas summing to this or less
    volatile_window_days: int = 90  # ATT_VOLATILE
    volatile_span: int = 4  # ATT_VOLATILE: max - min of levels at least this
    senior_level_min: int = 2  # ATT_SENIOR_UNVERIFIED: decision layer at this level or above


DEFAULT_RULES = Rules()
