"""ATT_*: whether an attitude is current and real, at the edges of the windows and levels."""

import pytest
from engine_builders import add, assess, change, findings, make_deal, meet, person

from dealmap.engine import analyze
from dealmap.engine.model import CompetitorAffinity


def test_key_assessment_61_days_old_is_stale():
    deal = make_deal(
        assessments=[assess("ceo", 3, days_ago=61)] + [assess(p, 2) for p in ("buyer", "cto", "user", "cfo")]
    )
    assert ("ATT_STALE", "ceo") in findings(deal)


def test_key_assessment_60_days_old_is_not_stale():
    deal = make_deal(
        assessments=[assess("ceo", 3, days_ago=60)] + [assess(p, 2) for p in ("buyer", "cto", "user", "cfo")]
    )
    assert ("ATT_STALE", "ceo") not in findings(deal)


def test_stale_only_concerns_key_stakeholders():
    deal = make_deal(
        assessments=[assess("ceo", 3)] + [assess(p, 2, days_ago=200) for p in ("buyer", "cto", "user", "cfo")]
    )
    assert "ATT_STALE" not in {c for c, _ in findings(deal)}


def with_affinity(level: int, strength: int):
    deal = change(make_deal(), "cto", competitor_affinity=(CompetitorAffinity("恒远", strength),))
    return add(deal, assess("cto", level, days_ago=1))


def test_supporter_with_competitor_affinity_two_is_double_dealing():
    assert ("ATT_DOUBLE_DEALING", "cto") in findings(with_affinity(2, 2))


def test_supporter_with_competitor_affinity_one_is_not():
    assert ("ATT_DOUBLE_DEALING", "cto") not in findings(with_affinity(2, 1))


def test_neutral_with_strong_affinity_is_not_double_dealing():
    assert ("ATT_DOUBLE_DEALING", "cto") not in findings(with_affinity(1, 3))


@pytest.mark.parametrize(
    "signal",
    [
        "blocks_info",
        "leaks_to_competitor",
        "perfunctory",
        "says_vs_does",
        "public_support_private_opposition",
    ],
)
def test_supporter_with_an_inconsistency_signal_in_60_days_is_inconsistent(signal):
    deal = add(make_deal(), meet("cto", days_ago=60, signals=(signal,)))
    assert ("ATT_INCONSISTENT", "cto") in findings(deal)


def test_inconsistency_signal_61_days_ago_is_forgotten():
    deal = add(make_deal(), meet("cto", days_ago=61, signals=("perfunctory",)))
    assert ("ATT_INCONSISTENT", "cto") not in findings(deal)


def test_inconsistency_signal_on_an_assessment_counts():
    deal = add(make_deal(), assess("cto", 2, days_ago=1, signals=("says_vs_does",)))
    assert ("ATT_INCONSISTENT", "cto") in findings(deal)


def test_other_signals_are_not_inconsistencies():
    deal = add(make_deal(), meet("cto", signals=("polite_to_all", "under_pressure", "tempted", "rebutted")))
    assert ("ATT_INCONSISTENT", "cto") not in findings(deal)


def test_inconsistency_of_a_neutral_is_not_flagged():
    deal = add(make_deal(), assess("cto", 1, days_ago=1), meet("cto", signals=("perfunctory",)))
    assert ("ATT_INCONSISTENT", "cto") not in findings(deal)


def test_a_signal_on_someone_elses_meeting_does_not_count():
    deal = add(make_deal(), meet("buyer", signals=("perfunctory",)))
    assert ("ATT_INCONSISTENT", "cto") not in findings(deal)
    assert ("ATT_INCONSISTENT", "buyer") in findings(deal)


def test_drop_of_two_from_the_90_day_peak_is_declining():
    deal = add(make_deal(), assess("cto", 4, days_ago=90), assess("cto", 2, days_ago=1))
    assert ("ATT_DECLINING", "cto") in findings(deal)


def test_peak_91_days_ago_is_outside_the_window():
    deal = add(make_deal(), assess("cto", 4, days_ago=91), assess("cto", 2, days_ago=1))
    assert ("ATT_DECLINING", "cto") not in findings(deal)


def test_drop_of_one_is_not_declining():
    deal = add(make_deal(), assess("cto", 3, days_ago=20), assess("cto", 2, days_ago=1))
    assert ("ATT_DECLINING", "cto") not in findings(deal)


def test_trust_deltas_summing_to_minus_two_in_60_days_is_declining():
    deal = add(
        make_deal(), meet("cto", days_ago=60, trust_delta=-3), meet("cto", "buyer", days_ago=2, trust_delta=1)
    )
    found = findings(deal)
    assert ("ATT_DECLINING", "cto") in found
    assert ("ATT_DECLINING", "buyer") not in found


def test_trust_deltas_summing_to_minus_one_is_not_declining():
    deal = add(make_deal(), meet("cto", days_ago=3, trust_delta=-2), meet("cto", days_ago=2, trust_delta=1))
    assert ("ATT_DECLINING", "cto") not in findings(deal)


def test_trust_delta_61_days_ago_is_outside_the_window():
    deal = add(make_deal(), meet("cto", days_ago=61, trust_delta=-3), meet("cto", days_ago=2, trust_delta=-1))
    assert ("ATT_DECLINING", "cto") not in findings(deal)


def test_trust_drop_flags_even_an_unassessed_person():
    deal = add(make_deal(), person("u"), meet("u", trust_delta=-2))
    assert ("ATT_DECLINING", "u") in findings(deal)


def test_levels_spanning_four_in_90_days_are_volatile():
    deal = add(make_deal(), assess("cto", -2, days_ago=90), assess("cto", 2, days_ago=1))
    assert ("ATT_VOLATILE", "cto") in findings(deal)


def test_levels_spanning_three_are_not_volatile():
    deal = add(make_deal(), assess("cto", -1, days_ago=90), assess("cto", 2, days_ago=1))
    assert ("ATT_VOLATILE", "cto") not in findings(deal)


def test_volatility_ignores_levels_older_than_90_days():
    deal = add(make_deal(), assess("cto", -2, days_ago=91), assess("cto", 2, days_ago=1))
    assert ("ATT_VOLATILE", "cto") not in findings(deal)


def senior(level: int, evidence: str = "", signals: tuple[str, ...] = ()):
    return add(make_deal(), assess("ceo", level, days_ago=1, evidence=evidence, signals=signals))


def test_senior_at_plus_two_without_evidence_or_positive_signal_is_unverified():
    assert ("ATT_SENIOR_UNVERIFIED", "ceo") in findings(senior(2, evidence="  ", signals=("polite_to_all",)))


@pytest.mark.parametrize("signal", ["shares_inside_info", "sells_internally", "consults_us"])
def test_a_positive_signal_verifies_a_senior(signal):
    assert ("ATT_SENIOR_UNVERIFIED", "ceo") not in findings(senior(3, signals=(signal,)))


def test_evidence_text_verifies_a_senior():
    assert ("ATT_SENIOR_UNVERIFIED", "ceo") not in findings(senior(4, evidence="主动约我们汇报"))


def test_senior_at_plus_one_is_not_checked():
    assert ("ATT_SENIOR_UNVERIFIED", "ceo") not in findings(senior(1))


def test_only_the_latest_assessment_is_read_for_evidence():
    deal = add(senior(3, evidence="有依据"), assess("ceo", 3, days_ago=0, evidence=""))
    assert ("ATT_SENIOR_UNVERIFIED", "ceo") in findings(deal)


def test_management_layer_supporter_without_evidence_is_not_checked():
    deal = add(make_deal(), assess("cto", 3, days_ago=1, evidence=""))
    assert ("ATT_SENIOR_UNVERIFIED", "cto") not in findings(deal)


def test_same_day_assessments_the_later_in_the_list_is_current():
    deal = add(make_deal(), assess("cto", -3, days_ago=1), assess("cto", 2, days_ago=1))
    assert next(p.level for p in analyze(deal).people if p.id == "cto") == 2
    deal = add(make_deal(), assess("cto", 2, days_ago=1), assess("cto", -3, days_ago=1))
    assert next(p.level for p in analyze(deal).people if p.id == "cto") == -3


def test_latest_by_date_wins_over_list_order():
    deal = add(make_deal(), assess("cto", -3, days_ago=1), assess("cto", 2, days_ago=5))
    assert next(p.level for p in analyze(deal).people if p.id == "cto") == -3


def test_assessments_after_as_of_are_ignored():
    deal = add(make_deal(), assess("cto", -3, days_ago=-1))
    assert next(p.level for p in analyze(deal).people if p.id == "cto") == 2
