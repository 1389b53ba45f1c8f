"""The position score and the what-if."""

from dataclasses import replace

import pytest
from engine_builders import AS_OF, add, assess, change, make_deal, meet, person

from dealmap.engine import analyze, what_if


def test_score_parts_add_up_to_the_value():
    score = analyze(make_deal()).score
    assert set(score.parts) == {"balance", "coverage", "champion_coach", "freshness"}
    assert abs(sum(score.parts.values()) - score.value) <= 0.5 + 0.05 * len(score.parts)


def test_healthy_deal_scores_high_and_an_empty_one_low():
    assert analyze(make_deal()).score.value >= 80
    empty = make_deal(people=[], assessments=[], interactions=[])
    assert analyze(empty).score.value <= 25


def test_score_is_bounded():
    worst = make_deal(assessments=[assess(p.id, -4) for p in make_deal().stakeholders], interactions=[])
    best = make_deal(assessments=[assess(p.id, 4, days_ago=0) for p in make_deal().stakeholders])
    assert 0 <= analyze(worst).score.value < analyze(best).score.value <= 100


def test_mapping_only_the_one_who_backs_us_does_not_outscore_mapping_the_group():
    """A deal hung on one +4 decision maker scored 80 and the same deal with purchasing, technical,
    user and finance mapped, met and supportive scored 79: the balance counted only who was known."""
    whole = change(make_deal(), "user", is_coach=False)
    whole = replace(whole, assessments=(*whole.assessments, assess("ceo", 4, days_ago=0)))
    ceo = next(p for p in whole.stakeholders if p.id == "ceo")
    alone = make_deal(people=[ceo], assessments=[assess("ceo", 4, days_ago=0)], interactions=[meet("ceo")])
    assert analyze(alone).score.value < analyze(whole).score.value
    assert analyze(alone).score.parts["balance"] < 40


def test_a_half_point_rounds_up_like_the_parts_shown():
    people = [
        person("d", layer="decision", department="executive", power=2, authority=2, is_coach=True),
        *(
            person(d, department=d, power=2, authority=2)
            for d in ("purchasing", "technical", "user", "finance")
        ),
    ]
    score = analyze(make_deal(people=people, assessments=[], interactions=[])).score
    assert sum(score.parts.values()) == 42.5 and score.value == 43


def test_coach_adds_points():
    without = change(make_deal(), "user", is_coach=False)
    assert analyze(make_deal()).score.value > analyze(without).score.value


def test_what_if_reports_lost_findings_and_the_score_delta():
    deal = add(make_deal(), assess("ceo", 1, days_ago=1))
    change_ = what_if(deal, {"ceo": 3})
    assert "SUP_DECISION_MAKER_NOT_SUPPORTIVE" in [f.code for f in change_.lost]
    assert change_.gained == ()
    assert change_.score_delta == change_.report.score.value - change_.base.score.value > 0
    assert change_.balance_delta > 0


def test_what_if_reports_gained_findings():
    change_ = what_if(make_deal(), {"ceo": -3})
    gained = {(f.code, f.subject) for f in change_.gained}
    assert {("SUP_DECISION_MAKER_NOT_SUPPORTIVE", "ceo"), ("SUP_POWERFUL_OPPONENT", "ceo")} <= gained
    assert change_.score_delta < 0


def test_what_if_keeps_the_date_of_the_current_assessment():
    deal = make_deal(
        assessments=[assess("ceo", 3, days_ago=61)] + [assess(p, 2) for p in ("buyer", "cto", "user", "cfo")]
    )
    change_ = what_if(deal, {"ceo": 4})
    assert "ATT_STALE" in {f.code for f in change_.report.findings}


def test_what_if_assesses_an_unassessed_person_on_as_of():
    deal = add(make_deal(), person("vp", power=4), meet("vp"))
    change_ = what_if(deal, {"vp": 2})
    assert ("COV_UNASSESSED", "vp") in {f.key for f in change_.lost}
    assert next(p.level for p in change_.report.people if p.id == "vp") == 2


def test_what_if_stores_nothing():
    deal = add(make_deal(), assess("ceo", 1, days_ago=1))
    before = analyze(deal)
    what_if(deal, {"ceo": 4, "cto": -4})
    assert analyze(deal) == before


@pytest.mark.parametrize(
    "overrides", [{"nobody": 1}, {"ceo": 5}, {"ceo": -5}, {"ceo": True}, {"ceo": 2.5}, {"ceo": "2"}]
)
def test_what_if_rejects_unknown_people_and_levels(overrides):
    with pytest.raises(ValueError):
        what_if(make_deal(), overrides)


def test_as_of_argument_overrides_the_deals_date():
    deal = make_deal()
    later = analyze(deal, as_of=AS_OF.replace(year=AS_OF.year + 1))
    assert later.as_of.year == AS_OF.year + 1
    assert "ATT_STALE" in {f.code for f in later.findings}


def test_without_any_date_the_analysis_runs_as_of_today():
    from datetime import date

    assert analyze(replace(make_deal(), as_of=None)).as_of == date.today()
