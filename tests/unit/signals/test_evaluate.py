"""The evaluation helpers' cheap paths (the cross-validations themselves take minutes: docs/signals.md)."""

from __future__ import annotations

import pytest

from dealmap.signals import evaluate


def test_a_group_naming_an_unknown_author_is_refused_before_any_training():
    with pytest.raises(ValueError, match="no such author: 9"):
        evaluate.leave_groups_out(["ab", "q9"])


def test_the_command_line_names_the_unknown_author(capsys):
    with pytest.raises(SystemExit) as stop:
        evaluate.main(["--groups", "a,#"])
    assert stop.value.code == 2
    assert "no such author: #" in capsys.readouterr().err


def test_group_names_are_letters_run_together_or_names_joined_by_plus():
    assert evaluate.group_names("ahp") == ["a", "h", "p"]
    assert evaluate.group_names("a+h+zz") == ["a", "h", "zz"]
    assert evaluate.group_names("a+") == ["a"]


def test_a_group_that_is_an_authors_name_is_that_author():
    assert evaluate.group_names("ab") == ["ab"]
    assert evaluate.group_names("a+b") == ["a", "b"]


def test_a_longer_unknown_name_is_refused_whole():
    with pytest.raises(ValueError, match="no such author: qq"):
        evaluate.leave_groups_out(["a+qq"])
