"""Per-person strategy: group, strategy and ordered, course-grounded actions (methodology §5)."""

from engine_builders import add, assess, change, make_deal, meet, not_for_me, person

from dealmap.engine import analyze
from dealmap.engine.model import Relation
from dealmap.method.departments import DEPARTMENT_POINTS
from dealmap.method.levels import LEVELS
from dealmap.method.needs import PERSONAL_NEED_INFO
from dealmap.method.styles import CHANGE_STYLE_TACTICS


def view(deal, pid):
    return next(p for p in analyze(deal).people if p.id == pid)


def test_actions_follow_level_then_department_then_need_then_style():
    deal = change(make_deal(), "buyer", personal_need="safety", change_style="conservative")
    deal = add(deal, assess("buyer", 1, days_ago=1))
    texts = [a.text for a in view(deal, "buyer").actions]
    assert texts[1] == LEVELS[1].action
    points = [p.text for p in DEPARTMENT_POINTS["purchasing"][:3]]
    start = texts.index(points[0])
    assert texts[start : start + 3] == points
    assert texts[-2] == PERSONAL_NEED_INFO["safety"].tactic.text
    assert texts[-1] == CHANGE_STYLE_TACTICS["conservative"].text


def test_at_most_three_talking_points():
    texts = [a.text for a in view(make_deal(), "buyer").actions]
    assert DEPARTMENT_POINTS["purchasing"][3].text not in texts


def test_every_action_cites_a_course_section():
    for p in analyze(make_deal()).people:
        assert p.actions and all(a.rule.startswith("ch") for a in p.actions)


def test_neutral_reached_by_a_supporter_is_told_to_use_them():
    deal = add(make_deal(), assess("cto", 0, days_ago=1), Relation("ceo", "cto", "influences"))
    person_view = view(deal, "cto")
    assert person_view.group == "neutral" and person_view.strategy == "develop"
    assert any("N-ceo" in a.text.zh for a in person_view.actions)


def test_unassessed_person_is_told_to_assess_first():
    deal = add(make_deal(), person("new"), meet("new"))
    person_view = view(deal, "new")
    assert (person_view.level, person_view.group, person_view.strategy) == (None, "unassessed", "assess")
    assert person_view.actions[0].rule == "ch5.s2"


def test_not_for_me_objection_and_coach_get_their_own_actions():
    deal = change(make_deal(), "user", objection=not_for_me())
    rules = [a.rule for a in view(deal, "user").actions]
    assert "ch1.s1 第二" in rules and "ch5.s1 第二.一.5" in rules


def test_weight_is_power_plus_authority_with_unknown_as_three():
    deal = add(make_deal(), person("w", power=None, authority=5))
    assert view(deal, "w").weight == 8


def test_people_are_listed_in_natural_id_order():
    people = [person(i) for i in ("p10", "p2", "p1")]
    deal = make_deal(people=people)
    assert [p.id for p in analyze(deal).people] == ["p1", "p2", "p10"]
