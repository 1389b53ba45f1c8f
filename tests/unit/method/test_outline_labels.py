"""Course references read in English without Chinese numbering; the stored reference stays."""

from __future__ import annotations

import re

from dealmap.method import behaviour, departments, findings, levels, needs, strategies, styles
from dealmap.method.outline import rule_label

CJK = re.compile(r"[\u4e00-\u9fff]")


def _every_rule() -> set[str]:
    found: set[str] = set()
    for module in (behaviour, departments, findings, levels, needs, strategies, styles):
        for value in vars(module).values():
            found |= _rules_in(value)
    return found


def _rules_in(value, depth: int = 0) -> set[str]:
    if depth > 4:
        return set()
    rule = getattr(value, "rule", None)
    found = {rule} if isinstance(rule, str) and rule.startswith("ch") else set()
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list | tuple):
        for item in value:
            found |= _rules_in(item, depth + 1)
    for name in ("tactic", "points"):
        if hasattr(value, name):
            found |= _rules_in(getattr(value, name), depth + 1)
    return found


def test_every_course_reference_reads_in_english_without_chinese():
    rules = _every_rule()
    assert len(rules) > 20 and any("第" in r for r in rules)
    for rule in rules:
        assert not CJK.search(rule_label(rule, "en")), rule
        assert rule_label(rule, "zh") == rule


def test_the_outline_numbering_becomes_digits():
    assert rule_label("ch5.s1 第二.一.4", "en") == "ch5.s1 §2.1.4"
    assert rule_label("ch1.s1 第四", "en") == "ch1.s1 §4"
    assert rule_label("ch5.s2 +3", "en") == "ch5.s2 +3"
