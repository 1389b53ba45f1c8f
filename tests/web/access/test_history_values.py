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
