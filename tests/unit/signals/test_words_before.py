"""``words_before`` reads each text once, and answers exactly as a search of ``text[:end]`` does."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from dealmap.signals.text import word_spans_before, words_before

WORD = re.compile(r"[a-z][a-z0-9']*")
PIECES = st.sampled_from(
    ["not", "don't", "a1not", "1234567", "9", "'", " ", "很", "不感兴趣", "x" * 40, "interested"]
)


@given(st.lists(PIECES, max_size=40), st.data())
def test_the_words_before_a_point_are_those_a_search_of_the_text_before_it_finds(pieces, data):
    text = "".join(pieces)
    end = data.draw(st.integers(min_value=0, max_value=len(text)))
    n = data.draw(st.integers(min_value=1, max_value=4))
    expected = [(m.start(), m.group()) for m in WORD.finditer(text[:end])][-n:]
    assert word_spans_before(text, end, n) == expected
    assert words_before(text, end, n) == [w for _, w in expected]


def test_a_negation_far_back_still_counts_when_it_is_among_the_last_words():
    """A 120-character window once lost "not" behind a run of numbers (level -2 became -1)."""
    text = "they are not" + " 1234567890" * 12 + " happy"
    assert words_before(text, len(text) - len(" happy"), 3) == ["they", "are", "not"]
