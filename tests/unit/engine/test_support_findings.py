"""SUP_* and INF_NO_PATH: where the support stands, level by level."""

import pytest
from engine_builders import add, assess, change, findings, make_deal, meet, person

from dealmap.engine import analyze


def with_ceo_at(level: int):
    deal = make_deal()
    return add(deal, assess("ceo", level, days_ago=1))


def test_decision_maker_at_plus_one_is_not_supportive():
    report = analyze(with_ceo_at(1))
    (finding,) = [f for f in report.findings if f.code == "SUP_DECISION_MAKER_NOT_SUPPORTIVE"]
    assert finding.subject == "ceo" and finding.severity == "critical"
    assert "N-ceo" in finding.message.zh and "+1（产生兴趣）" in finding.message.zh
    assert "N-ceo" in finding.message.en and "interested" in finding.message.en


def test_decision_maker_at_plus_two_is_supportive():
    assert ("SUP_DECISION_MAKER_NOT_SUPPORTIVE", "ceo") not in findings(with_ceo_at(2))


def test_unassessed_decision_maker_is_a_coverage_gap_not_a_support_finding():
    deal = make_deal(
        assessments=[assess(p, 2) for p in ("buyer", "cto", "user", "cfo")] + [assess("user", 3)]
    )
    found = findings(deal)
    assert ("COV_UNASSESSED", "ceo") in found
    assert ("SUP_DECISION_MAKER_NOT_SUPPORTIVE", "ceo") not in found


def test_only_the_decision_maker_role_counts():
    deal = add(make_deal(), person("ap", buying_role="approver"), assess("ap", -1), meet("ap"))
    assert "SUP_DECISION_MAKER_NOT_SUPPORTIVE" not in {c for c, _ in findings(deal)}


@pytest.mark.parametrize(("power", "authority"), [(4, 3), (3, 4), (5, None)])
def test_powerful_opponent_fires_on_power_or_authority_of_four(power, authority):
    deal = add(make_deal(), person("op", power=power, authority=authority), assess("op", -2), meet("op"))
    assert ("SUP_POWERFUL_OPPONENT", "op") in findings(deal)


def test_opponent_with_power_and_authority_three_is_not_powerful():
    deal = add(make_deal(), person("op", power=3, authority=None), assess("op", -4), meet("op"))
    assert ("SUP_POWERFUL_OPPONENT", "op") not in findings(deal)


def test_powerful_person_at_minus_one_is_not_an_opponent():
    deal = add(make_deal(), person("op", power=5, authority=5), assess("op", -1), meet("op"))
    assert ("SUP_POWERFUL_OPPONENT", "op") not in findings(deal)


def test_balance_below_zero_fires():
    deal = make_deal(
        people=[person("a", power=5, authority=5), person("b", power=3, authority=3)],
        assessments=[assess("a", -1), assess("b", 1)],
    )
    report = analyze(deal)
    assert report.balance == pytest.approx((-10 + 6) / (4 * 16))
    assert ("SUP_BALANCE_NEGATIVE", "") in findings(deal)
    (finding,) = [f for f in report.findings if f.code == "SUP_BALANCE_NEGATIVE"]
    assert (
        "-0.06（范围 -1 到 +1）" in finding.message.zh
        and "-0.06 (on a scale of -1 to +1)" in finding.message.en
    )


def test_a_decision_maker_nobody_reaches_yet_gets_an_action_without_an_empty_list():
    report = analyze(with_ceo_at(1))
    (finding,) = [f for f in report.findings if f.code == "SUP_DECISION_MAKER_NOT_SUPPORTIVE"]
    assert "（暂无）" not in finding.action.zh and "(none yet)" not in finding.action.en
    assert "借助能影响他的支持者（目前还没有，先找到或培养一位）把他推到" in finding.action.zh
    assert (
        "through a supporter who can reach them (there is none yet: find or win one first)"
        in finding.action.en
    )


def test_balance_of_exactly_zero_does_not_fire():
    deal = make_deal(
        people=[person("a", power=3, authority=2), person("b", power=1, authority=4)],
        assessments=[assess("a", -1), assess("b", 1)],
    )
    assert analyze(deal).balance == 0
    assert ("SUP_BALANCE_NEGATIVE", "") not in findings(deal)


def test_balance_uses_each_persons_current_level_only():
    deal = make_deal(
        people=[person("a", power=3, authority=2)],
        assessments=[assess("a", 4, days_ago=20), assess("a", -1, days_ago=10)],
    )
    assert analyze(deal).balance == pytest.approx(-5 / 20)


def test_no_champion_fires_when_the_best_is_plus_two():
    deal = add(make_deal(), assess("ceo", 2, days_ago=1))
    assert ("SUP_NO_CHAMPION", "") in findings(deal)


def test_a_single_plus_three_is_a_champion():
    deal = add(make_deal(), assess("ceo", 2, days_ago=1), assess("buyer", 3, days_ago=1))
    assert ("SUP_NO_CHAMPION", "") not in findings(deal)


def test_no_coach_fires_when_nobody_is_marked():
    assert ("SUP_NO_COACH", "") in findings(change(make_deal(), "user", is_coach=False))


def test_no_coach_is_satisfied_even_by_an_unassessed_coach():
    deal = add(change(make_deal(), "user", is_coach=False), person("c", is_coach=True), meet("c"))
    assert ("SUP_NO_COACH", "") not in findings(deal)


def test_a_balance_just_below_zero_is_not_written_as_minus_zero():
    from dealmap.engine.checks.support import _below_zero

    assert _below_zero(-0.25) == "-0.25" and _below_zero(-0.0042) == "-0.004"
    assert _below_zero(-0.00004) == "-0.00004" and float(_below_zero(-1e-9)) < 0
