"""How the history page writes a stored list or pair, in each language."""

from __future__ import annotations

from django.utils import translation

from dealmap.web.audit.presenters import value_text


def test_lists_are_joined_in_the_readers_language_and_pairs_read_as_text():
    affinity = [{"competitor": "恒远软件", "strength": 2}, {"competitor": "Rival B", "strength": 1}]
    with translation.override("en"):
        assert value_text("deal", "competitors", ["Rival A", "Rival B"], {}) == "Rival A, Rival B"
        assert value_text("part", "competitor_affinity", affinity, {}) == "恒远软件 2, Rival B 1"
    with translation.override("zh-hans"):
        assert value_text("deal", "competitors", ["甲", "乙"], {}) == "甲、乙"
        assert "{" not in value_text("part", "competitor_affinity", affinity, {})


def test_participants_read_as_names_and_every_field_has_a_label_in_each_language():
    from dealmap.web.audit.presenters import field_label

    people = {7: "孙海涛", 8: "周文"}
    with translation.override("zh-hans"):
        assert value_text("interaction", "participants", [7, 8], people) == "孙海涛、周文"
        assert value_text("interaction", "participants", [7, 99], people) == "孙海涛、#99"  # erased since
        assert field_label("assessment", "person_id") == "联系人"
        assert field_label("interaction", "participants") == "参与人"
        assert field_label("relation", "source_id") == "关系发起人"
    with translation.override("en"):
        assert value_text("interaction", "participants", [7, 8], people) == "孙海涛, 周文"
        # Labels start with a capital in English, as headings do; the bare key never shows.
        assert field_label("person", "name") == "Name"
        assert field_label("assessment", "person_id") == "Person"
        assert field_label("assessment", "evidence") == "Evidence"
        assert field_label("relation", "target_id") == "Relation to"


def test_an_amount_reads_as_everywhere_else_in_the_app():
    """The history showed "Amount 2800000.00" where the deal page shows 2,800,000."""
    assert value_text("deal", "amount", "2800000.00", {}) == "2,800,000"
    assert value_text("deal", "amount", "1234.5", {}) == "1,234.50"
    assert value_text("deal", "amount", "not a number", {}) == "not a number"
