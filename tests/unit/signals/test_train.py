"""What training learns beside the weights: the words that name a department."""

from __future__ import annotations

from dealmap.signals import corpus, train


def _row(text: str, *departments: str) -> corpus.Labelled:
    return corpus.Labelled(text, "zh", None, None, frozenset(departments), frozenset())


def test_a_word_several_writers_use_for_one_department_is_learned():
    rows = [_row(f"{who}社长来电话问{i}号的安排", "executive") for who in "甲乙丙" for i in range(3)]
    words = train.department_words(rows, [who for who in "abc" for _ in range(3)])
    assert words["b:社长"] == ("executive",)


def test_a_word_only_two_writers_use_is_not_learned():
    rows = [_row(f"社长来电话问{i}号的安排", "executive") for i in range(10)]
    words = train.department_words(rows, ["a"] * 5 + ["b"] * 5)
    assert "b:社长" not in words


def test_generated_lines_do_not_count_as_a_writer():
    rows = [_row(f"社长来电话问{i}号的安排", "executive") for i in range(9)]
    assert "b:社长" not in train.department_words(rows, ["a", "b", *[None] * 7])
    assert "b:社长" in train.department_words(rows, ["a", "b", "c", *[None] * 6])


def test_a_word_that_comes_with_many_departments_names_none_of_them():
    rows = [
        _row(f"经理来电话问{i}号的安排", dept)
        for i, dept in enumerate(["purchasing", "technical", "user", "finance", "executive", "other"] * 2)
    ]
    words = train.department_words(rows, ["a", "b", "c"] * 4)
    assert "b:经理" not in words


def test_the_same_share_of_agreeing_notes_counts_only_with_enough_notes():
    def rows(agree: int, total: int) -> list[corpus.Labelled]:
        return [_row(f"社长来电话问{i}号", "executive" if i < agree else "user") for i in range(total)]

    # Three notes in four say executive: too little evidence; twelve in sixteen: enough.
    assert "b:社长" not in train.department_words(rows(3, 4), ["a", "b", "c", "a"])
    assert train.department_words(rows(12, 16), ["a", "b", "c", "d"] * 4)["b:社长"] == ("executive",)


def test_the_shipped_model_knows_department_words_from_the_corpus():
    from dealmap.signals import model as m

    words = m.load().department_words
    assert words, "run: python -m dealmap.signals.train"
    assert all(set(codes) <= set(m.DEPTS) for codes in words.values())
    assert all(name.startswith(("b:", "w:")) for name in words)
