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
