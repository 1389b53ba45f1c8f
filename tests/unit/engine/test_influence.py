"""Influence paths: supporters reach a person through `influences` (from→to) and `close` (both ways)."""

import pytest
from engine_builders import add, assess, findings, make_deal, meet, person

from dealmap.engine import analyze
from dealmap.engine.model import Relation


def with_key_neutral(*relations: Relation, level: int = 0):
    """ceo (+3) and user (+2) support; 'vp' is a key person at `level`; 'x', 'y' are unassessed."""
    deal = add(make_deal(), person("vp", power=4), assess("vp", level), meet("vp"), person("x"), person("y"))
    return add(deal, meet("x", "y"), *relations)


def influenced_by(deal, pid: str) -> tuple[str, ...]:
    return next(p.influenced_by for p in analyze(deal).people if p.id == pid)


def test_key_neutral_reached_by_no_supporter_has_no_path():
    deal = with_key_neutral()
    assert ("INF_NO_PATH", "vp") in findings(deal)
    assert influenced_by(deal, "vp") == ()


def test_key_opponent_without_path_is_flagged_too():
    assert ("INF_NO_PATH", "vp") in findings(with_key_neutral(level=-2))


def test_key_supporter_needs_no_path():
    assert ("INF_NO_PATH", "vp") not in findings(with_key_neutral(level=2))


def test_non_key_neutral_needs_no_path():
    deal = add(make_deal(), person("n"), assess("n", 0), meet("n"))
    assert ("INF_NO_PATH", "n") not in findings(deal)


def test_direct_influence_is_a_path():
    deal = with_key_neutral(Relation("user", "vp", "influences"))
    assert ("INF_NO_PATH", "vp") not in findings(deal)
    assert influenced_by(deal, "vp") == ("user",)


def test_influence_in_the_wrong_direction_is_no_path():
    assert ("INF_NO_PATH", "vp") in findings(with_key_neutral(Relation("vp", "user", "influences")))


def test_close_leads_both_ways():
    deal = with_key_neutral(Relation("vp", "user", "close"))
    assert influenced_by(deal, "vp") == ("user",)


def test_conflict_is_no_path():
    assert ("INF_NO_PATH", "vp") in findings(with_key_neutral(Relation("user", "vp", "conflicts")))


def test_two_steps_through_anyone_is_a_path():
    deal = with_key_neutral(Relation("ceo", "x", "influences"), Relation("x", "vp", "close"))
    assert influenced_by(deal, "vp") == ("ceo",)
    assert ("INF_NO_PATH", "vp") not in findings(deal)


def test_three_steps_is_too_far():
    deal = with_key_neutral(
        Relation("ceo", "x", "influences"),
        Relation("x", "y", "influences"),
        Relation("y", "vp", "influences"),
    )
    assert ("INF_NO_PATH", "vp") in findings(deal)
    assert influenced_by(deal, "y") == ("ceo",)


def test_a_supporter_is_never_listed_as_reaching_themselves():
    deal = with_key_neutral(Relation("user", "ceo", "close"))
    assert influenced_by(deal, "user") == ("ceo",)
    assert influenced_by(deal, "ceo") == ("user",)


@pytest.mark.parametrize("level", [1, -1, 0])
def test_non_supporters_do_not_reach_anyone(level):
    deal = add(with_key_neutral(Relation("x", "vp", "influences")), assess("x", level))
    assert influenced_by(deal, "vp") == ()
