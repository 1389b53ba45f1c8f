"""NEED_*, OBJ_NOT_FOR_ME and PERS_*: what we know of the need and the person."""

from dataclasses import replace

import pytest
from engine_builders import FULL_RESEARCH, add, assess, change, findings, make_deal, meet, not_for_me, person

from dealmap.engine import analyze
from dealmap.engine.model import Objection
from dealmap.method.codes import RESEARCH_QUESTIONS


@pytest.mark.parametrize("question", RESEARCH_QUESTIONS.codes)
def test_any_empty_research_answer_makes_it_incomplete(question):
    deal = make_deal(research=replace(FULL_RESEARCH, **{question: ""}))
    report = analyze(deal)
    (finding,) = [f for f in report.findings if f.code == "NEED_RESEARCH_INCOMPLETE"]
    assert finding.subject == "" and RESEARCH_QUESTIONS[question].label.zh in finding.message.zh


def test_all_seven_answers_make_it_complete():
    assert ("NEED_RESEARCH_INCOMPLETE", "") not in findings(make_deal())


def test_whitespace_is_not_an_answer():
    assert ("NEED_RESEARCH_INCOMPLETE", "") in findings(
        make_deal(research=replace(FULL_RESEARCH, goals="  "))
    )


def test_key_stakeholder_without_personal_win_is_flagged():
    assert ("NEED_PERSONAL_WIN_UNKNOWN", "ceo") in findings(change(make_deal(), "ceo", personal_wins=""))


def test_non_key_stakeholder_without_personal_win_is_not():
    assert ("NEED_PERSONAL_WIN_UNKNOWN", "cto") not in findings(change(make_deal(), "cto", personal_wins=""))


def test_key_stakeholder_without_personal_need_is_flagged():
    assert ("NEED_PERSONAL_NEED_UNKNOWN", "ceo") in findings(change(make_deal(), "ceo", personal_need=None))


def test_non_key_stakeholder_without_personal_need_is_not():
    deal = change(make_deal(), "cto", personal_need=None, power=3)
    assert ("NEED_PERSONAL_NEED_UNKNOWN", "cto") not in findings(deal)


def test_power_four_makes_a_key_stakeholder():
    deal = change(make_deal(), "cto", personal_need=None, power=4)
    assert ("NEED_PERSONAL_NEED_UNKNOWN", "cto") in findings(deal)


def test_not_for_me_objection_is_flagged_for_anyone():
    report = analyze(change(make_deal(), "cto", objection=not_for_me("出了问题我担不起")))
    (finding,) = [f for f in report.findings if f.code == "OBJ_NOT_FOR_ME"]
    assert finding.subject == "cto" and "出了问题我担不起" in finding.message.zh


def test_not_for_company_objection_is_not_flagged():
    deal = change(make_deal(), "cto", objection=Objection("not_for_company", "太贵"))
    assert "OBJ_NOT_FOR_ME" not in {c for c, _ in findings(deal)}


def test_incumbent_with_a_key_esteem_seeker_is_at_risk():
    deal = change(make_deal(incumbent=True), "ceo", personal_need="esteem")
    assert ("PERS_ESTEEM_INCUMBENT_RISK", "ceo") in findings(deal)


def test_newcomer_with_a_key_esteem_seeker_is_not_at_that_risk():
    deal = change(make_deal(incumbent=False), "ceo", personal_need="esteem")
    assert ("PERS_ESTEEM_INCUMBENT_RISK", "ceo") not in findings(deal)


def test_incumbent_with_a_non_key_esteem_seeker_is_not_at_that_risk():
    deal = change(make_deal(incumbent=True), "cto", personal_need="esteem")
    assert "PERS_ESTEEM_INCUMBENT_RISK" not in {c for c, _ in findings(deal)}


def test_key_safety_seeker_means_expect_delay():
    deal = add(make_deal(), person("vp", power=4, personal_need="safety"), assess("vp", 2), meet("vp"))
    assert ("PERS_SAFETY_DELAY", "vp") in findings(deal)


def test_non_key_safety_seeker_is_not_flagged():
    deal = add(make_deal(), person("vp", power=3, personal_need="safety"), assess("vp", 2), meet("vp"))
    assert ("PERS_SAFETY_DELAY", "vp") not in findings(deal)
