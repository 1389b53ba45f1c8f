"""The course as data: the finding catalogue matches methodology §4, and every table is complete."""

import string

import pytest

from dealmap.method.codes import CHANGE_STYLES, DEPARTMENTS, LAYERS, PERSONAL_NEEDS, SEVERITIES, Text
from dealmap.method.departments import LAYER_FOCUS, MAX_TALKING_POINTS, talking_points
from dealmap.method.findings import CATALOGUE, fill
from dealmap.method.levels import LEVELS, level_text
from dealmap.method.needs import PERSONAL_NEED_INFO
from dealmap.method.styles import CHANGE_STYLE_TACTICS

# methodology.md §4, copied here so a change to either side is noticed.
SPEC = {
    "COV_SINGLE_THREAD": ("critical", "ch5.s1 第一.二"),
    "COV_SINGLE_DEPARTMENT": ("warning", "ch1.s1 第三"),
    "COV_NO_DECISION_LAYER": ("critical", "ch2.s1, ch5.s1"),
    "COV_DEPARTMENT_GAP": ("warning", "ch2.s2"),
    "COV_UNASSESSED": ("warning", "ch5"),
    "ATT_STALE": ("info", "ch5.s3 第二.四"),
    "SUP_DECISION_MAKER_NOT_SUPPORTIVE": ("critical", "ch5.s1 第一"),
    "SUP_POWERFUL_OPPONENT": ("critical", "ch5.s2 -3/-4"),
    "SUP_BALANCE_NEGATIVE": ("critical", "ch5.s1 第一.一"),
    "SUP_NO_CHAMPION": ("warning", "ch5.s1 第二.一.3"),
    "SUP_NO_COACH": ("warning", "ch5.s1 第二.一.5"),
    "TIME_OPPONENT_OVERINVESTED": ("warning", "ch5.s1 第二.一.2"),
    "TIME_SUPPORTER_NEGLECTED": ("warning", "ch5.s1 第二.一.4"),
    "NEUTRALS_UNDEVELOPED": ("warning", "ch5.s1 第二.二"),
    "ATT_DOUBLE_DEALING": ("warning", "ch5.s3 第二.四.1"),
    "ATT_INCONSISTENT": ("warning", "ch5.s3 第一"),
    "ATT_DECLINING": ("warning", "ch5.s3 第二.三"),
    "ATT_VOLATILE": ("info", "ch5.s3 第二"),
    "ATT_SENIOR_UNVERIFIED": ("info", "ch5.s3 第二.四.2"),
    "NEED_RESEARCH_INCOMPLETE": ("warning", "ch4"),
    "NEED_PERSONAL_WIN_UNKNOWN": ("warning", "ch1.s1 第四"),
    "NEED_PERSONAL_NEED_UNKNOWN": ("info", "ch3"),
    "OBJ_NOT_FOR_ME": ("info", "ch1.s1 第二"),
    "PERS_ESTEEM_INCUMBENT_RISK": ("warning", "ch3.s3"),
    "INF_NO_PATH": ("warning", "ch5.s1 第二.一.3"),
    "PERS_SAFETY_DELAY": ("info", "ch3.s1"),
}


def test_catalogue_has_the_26_findings_with_their_severity_and_rule():
    assert {code: (s.severity, s.rule) for code, s in CATALOGUE.items()} == SPEC


@pytest.mark.parametrize("code", sorted(SPEC))
def test_each_template_uses_the_same_placeholders_in_both_languages(code):
    spec = CATALOGUE[code]
    assert spec.severity in SEVERITIES
    for template in (spec.message, spec.action):
        assert _fields(template.zh) == _fields(template.en)
        assert template.zh and template.en


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_fill_takes_texts_per_language_and_joins_lists():
    filled = fill(Text("{who}:{names}", "{who}: {names}"), who=Text("甲", "A"), names=["x", "y"])
    assert filled == Text("甲:x、y", "A: x, y")


def test_nine_levels_each_with_meaning_words_and_action():
    assert sorted(LEVELS) == list(range(-4, 5))
    for level in LEVELS.values():
        assert level.label.zh and level.means.en and level.words and level.action.zh and level.rule
    assert level_text(-3) == Text("-3（当众抵制）", "-3 (public resistance)")
    assert level_text(0).zh.startswith("0\uff08")


def test_every_department_layer_need_and_style_has_its_advice():
    for department in DEPARTMENTS.codes:
        assert 1 <= len(talking_points(department)) <= MAX_TALKING_POINTS
    assert set(LAYER_FOCUS) == set(LAYERS.codes)
    assert set(PERSONAL_NEED_INFO) == set(PERSONAL_NEEDS.codes)
    assert all(need.cues for need in PERSONAL_NEED_INFO.values())
    assert set(CHANGE_STYLE_TACTICS) == set(CHANGE_STYLES.codes)


def test_english_method_text_never_hedges_a_plural_with_parentheses():
    """ "1 needs-research question(s)", "Ask supporter(s) 刘敏": a sentence a person writes reads
    either way; the method's English says it without "(s)"."""
    from dealmap.method import strategies
    from dealmap.method.findings import CATALOGUE, PHRASES

    texts = [t for spec in CATALOGUE.values() for t in (spec.message.en, spec.action.en)]
    texts += [t.en for t in PHRASES.values()]
    for value in vars(strategies).values():
        values = value.values() if isinstance(value, dict) else value if isinstance(value, tuple) else [value]
        texts += [p.text.en for p in values if isinstance(p, strategies.Point)]
    assert len(texts) > 60
    assert [t for t in texts if "(s)" in t] == []
