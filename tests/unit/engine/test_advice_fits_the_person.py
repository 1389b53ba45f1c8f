"""Advice that contradicts itself or the person it is for (a coach's review of the engine).

Each case was wrong before: an opponent in the decision layer told to be "isolated", a coach who
opposes us told to be "protected", an opponent at −3 given tactics to win them over, a coach
told to "grow into a coach", and English sentences that spoke of one person in the plural.
"""

from dataclasses import replace

from engine_builders import FULL_RESEARCH, add, assess, change, make_deal, meet, not_for_me, person

from dealmap.engine import analyze
from dealmap.engine.model import Relation
from dealmap.method.strategies import (
    COACH,
    COACH_OPPOSED,
    CONSULT_COACH,
    GROUP_ACTIONS,
    OPPONENT_AT_THE_TOP,
)


def _levels(deal, **levels):
    others = [a for a in deal.assessments if a.stakeholder not in levels]
    return replace(deal, assessments=(*others, *(assess(pid, level) for pid, level in levels.items())))


def _view(report, pid):
    return next(p for p in report.people if p.id == pid)


def _finding(report, code, subject=""):
    return next(f for f in report.findings if f.code == code and f.subject == subject)


def test_an_opponent_who_decides_is_not_told_to_be_isolated():
    report = analyze(_levels(make_deal(), ceo=-3))
    actions = _view(report, "ceo").actions
    assert actions[0] == OPPONENT_AT_THE_TOP and GROUP_ACTIONS["opponent"] not in actions
    powerful = _finding(report, "SUP_POWERFUL_OPPONENT", "ceo")
    assert "before the decision layer" not in powerful.action.en and "决策层面前" not in powerful.action.zh
    assert "cannot be isolated" in powerful.action.en


def test_an_opponent_below_the_decision_layer_is_still_isolated():
    report = analyze(_levels(change(make_deal(), "buyer", power=5), buyer=-3))
    assert _view(report, "buyer").actions[0] == GROUP_ACTIONS["opponent"]
    assert "before the decision layer" in _finding(report, "SUP_POWERFUL_OPPONENT", "buyer").action.en


def test_a_coach_who_opposes_us_is_to_be_verified_not_protected():
    report = analyze(_levels(make_deal(), user=-3))
    actions = _view(report, "user").actions
    assert COACH_OPPOSED in actions and COACH not in actions


def test_a_strong_supporter_who_is_already_our_coach_is_not_told_to_become_one():
    report = analyze(_levels(make_deal(), user=3))
    actions = _view(report, "user").actions
    assert CONSULT_COACH in actions and COACH in actions
    assert not any("grow them into a coach" in a.text.en for a in actions)
    cto = _view(analyze(_levels(make_deal(), cto=3)), "cto").actions
    assert any("grow them into a coach" in a.text.en for a in cto)


def test_an_opponent_at_minus_three_gets_no_tactics_for_winning_them_over():
    deal = change(make_deal(), "cto", change_style="novelty", personal_need="esteem")
    at_minus_two = [a.rule for a in _view(analyze(_levels(deal, cto=-2)), "cto").actions]
    at_minus_three = [a.rule for a in _view(analyze(_levels(deal, cto=-3)), "cto").actions]
    assert "ch3.s3" in at_minus_two and "ch3.s3" not in at_minus_three
    assert len(at_minus_three) < len(at_minus_two)


def test_one_supporter_is_spoken_of_in_the_singular():
    deal = _levels(make_deal(), buyer=0)
    one = add(deal, Relation(source="cto", target="buyer", kind="influences"))
    two = add(one, Relation(source="cfo", target="buyer", kind="influences"))
    single = " ".join(a.text.en for a in _view(analyze(one), "buyer").actions)
    plural = " ".join(a.text.en for a in _view(analyze(two), "buyer").actions)
    assert "Ask N-cto, who supports us, to sway them." in single
    assert "Ask N-cfo, N-cto, who support us, to sway them." in plural


def test_a_decision_maker_reached_by_one_supporter_is_reached_through_a_supporter():
    deal = add(_levels(make_deal(), ceo=0), Relation(source="cto", target="ceo", kind="influences"))
    action = _finding(analyze(deal), "SUP_DECISION_MAKER_NOT_SUPPORTIVE", "ceo").action
    assert "through a supporter who can reach them (N-cto)" in action.en


def test_one_undeveloped_neutral_is_one_person_in_the_message():
    people = [person("ceo", layer="decision", department="executive", buying_role="decision_maker", power=5)]
    deal = make_deal(people=people, assessments=[assess("ceo", 0)], interactions=[meet("ceo", days_ago=50)])
    message = _finding(analyze(deal), "NEUTRALS_UNDEVELOPED").message
    assert message.en.startswith("The neutral N-ceo holds 100% of the assessed influence, yet they were not")
    assert message.zh.startswith("中立者N-ceo占已评估影响力的100%，但过去30天没有和他接触")


def test_a_department_gap_reads_as_a_sentence():
    people = [p for p in make_deal().stakeholders if p.department != "user"]
    report = analyze(make_deal(people=list(people)))
    gap = _finding(report, "COV_DEPARTMENT_GAP", "user")
    assert gap.message.en.startswith("Nobody from the user department is mapped")
    assert "e.g." not in gap.action.en and "One point to open with: " in gap.action.en
    assert "例如" not in gap.action.zh


def test_the_other_departments_named_are_the_ones_not_met():
    people = [person("ceo", layer="decision", department="purchasing", buying_role="decision_maker", power=5)]
    deal = make_deal(people=people)
    action = _finding(analyze(deal), "COV_SINGLE_DEPARTMENT").action
    assert action.en == "Reach the other departments (technical, user, finance) and cross-check what we hear."
    assert "（技术、使用、财务）" in action.zh


def test_an_unassessed_stakeholder_in_another_buying_role_reads_as_a_sentence():
    deal = make_deal()
    deal = change(
        replace(deal, assessments=tuple(a for a in deal.assessments if a.stakeholder != "cfo")),
        "cfo",
        buying_role="other",
        power=5,
    )
    message = _finding(analyze(deal), "COV_UNASSESSED", "cfo").message
    assert message.en == "Key stakeholder N-cfo (T-cfo), in another buying role, has no attitude assessment."
    assert message.zh == "关键人物T-cfoN-cfo（其他角色）还没有态度评估。"


def test_an_unknown_power_is_not_quoted_as_three():
    deal = change(make_deal(), "buyer", power=None, authority=5)
    message = _finding(analyze(_levels(deal, buyer=-3)), "SUP_POWERFUL_OPPONENT", "buyer").message
    assert "power unknown and authority 5" in message.en and "权力未知" in message.zh


def test_an_objection_without_words_leaves_no_dangling_colon():
    deal = change(make_deal(), "cto", objection=not_for_me(""))
    message = _finding(analyze(deal), "OBJ_NOT_FOR_ME", "cto").message
    assert message.zh.endswith("“不适合我”") and message.en.endswith("“not right for me”")
    worded = _finding(
        analyze(change(make_deal(), "cto", objection=not_for_me("怕担责"))), "OBJ_NOT_FOR_ME", "cto"
    )
    assert worded.message.zh.endswith("“不适合我”：怕担责")


def test_lists_of_questions_and_of_signals_are_punctuated_for_what_they_hold():
    research = replace(FULL_RESEARCH, why="", strategy_link="")
    message = _finding(analyze(make_deal(research=research)), "NEED_RESEARCH_INCOMPLETE").message
    assert "基于什么原因提出？和公司最近的战略相关吗？" in message.zh
    assert "Why was it proposed? Is it linked" in message.en
    deal = _levels(make_deal(), cto=2)
    deal = replace(
        deal,
        assessments=(
            *deal.assessments[:-1],
            assess("cto", 2, signals=("leaks_to_competitor", "says_vs_does")),
        ),
    )
    signals = _finding(analyze(deal), "ATT_INCONSISTENT", "cto").message
    assert "; " in signals.en.split("showed in the last")[1]
