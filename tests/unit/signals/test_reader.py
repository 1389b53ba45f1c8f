"""Behaviour of read_note: negation, softeners, reported speech, several sentences, mixed text."""

from __future__ import annotations

import pytest

from dealmap.method.codes import SIGNALS
from dealmap.signals import read_note, reading_to_dict


def test_flat_refusal_reads_as_uninterested_with_its_cues():
    reading = read_note("他说你们来得太晚了,已经定了")
    assert reading.level == -1
    assert "来得太晚" in reading.level_cues


def test_double_negation_reads_as_interest():
    reading = read_note("他说不是没兴趣,只是想多了解一些案例")
    assert reading.level == 1
    assert "不是没兴趣" in reading.level_cues


def test_no_need_to_change_reads_as_uninterested():
    assert read_note("客户说现在的系统挺好,没必要换").level == -1


def test_english_negation_reads_as_uninterested():
    assert read_note("He said they are not interested.").level == -1


def test_english_double_negation_reads_as_interest():
    reading = read_note("It's not that she isn't interested, she wants references first.")
    assert reading.level == 1


def test_negated_support_is_not_support():
    assert read_note("他说他不支持这个方案").level < 0


def test_softened_interest_is_still_interest():
    assert read_note("她说可能有点兴趣,先发资料看看").level == 1


@pytest.mark.parametrize("text", ["他说你们的方案挺好的,他是支持的", "客户表示你们的方案挺好的,他是支持的"])
def test_reported_speech_markers_do_not_change_the_reading(text):
    assert read_note(text).level == 2


def test_a_clause_spoken_by_the_seller_counts_little():
    reading = read_note("我跟他说我们很专业,他说没必要换")
    assert reading.level == -1


def test_contrast_gives_the_last_word_more_weight():
    assert read_note("他说方案还行,但是没预算,今年不考虑").level == -1


def test_several_sentences_bring_several_signals():
    reading = read_note("他私下把竞品报价发给我了。还说会在评审会上帮我们说话。")
    assert {"shares_inside_info", "sells_internally"} <= set(reading.signals)
    assert reading.level == 3


def test_mixed_chinese_and_english():
    reading = read_note("采购说 we'll go through the tender,大家一样")
    assert reading.level == 0
    assert "purchasing" in reading.departments


@pytest.mark.parametrize("text", ["会议定在周三下午", "Meeting moved to Thursday 3pm.", "", "   "])
def test_a_note_without_attitude_gives_no_level(text):
    reading = read_note(text)
    assert reading.level is None
    assert reading.confidence == 0.0


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("他做事特别小心,什么都按流程来,怕担责任", "safety"),
        ("他最在乎领导怎么看,老板说好他才说好", "belonging"),
        ("新来的总监故意不用老供应商,要立威", "esteem"),
        ("她想把这个项目做成行业标杆,实现突破", "self_actualization"),
    ],
)
def test_personal_need_cues(text, need):
    reading = read_note(text)
    assert reading.need == need
    assert reading.need_cues


@pytest.mark.parametrize(
    ("text", "department"),
    [
        ("老板关心这个项目对公司战略和未来的意义", "executive"),
        ("采购要求再降价,交期也要缩短", "purchasing"),
        ("技术部担心兼容性和稳定性", "technical"),
        ("车间主任怕工人要改变操作习惯", "user"),
        ("财务问付款方式和账期", "finance"),
        ("法务对合同违约条款有意见", "other"),
    ],
)
def test_department_concerns(text, department):
    assert department in read_note(text).departments


SIGNAL_NOTES = {
    "shares_inside_info": "他私下告诉我对手的报价比我们低",
    "sells_internally": "她在周会上替我们说话,一直帮我们推",
    "consults_us": "他说改需求之前会先跟我们商量",
    "blocks_info": "他不让我们见使用部门,什么都不告诉我们",
    "leaks_to_competitor": "我们的报价被他转给了对手",
    "perfunctory": "他嗯嗯啊啊地敷衍了几句就送客了",
    "says_vs_does": "他答应下周安排测试,结果一个月了都没动静",
    "public_support_private_opposition": "他当面说好,背后跟老板说我们不行",
    "under_pressure": "她支持我们,但老板压力很大,她怕顶不住",
    "rebutted": "他替我们说话被财务当场驳回了",
    "tempted": "对手给了很高的返点,他有点动心",
    "polite_to_all": "他对每家供应商都客客气气,不站队",
}


def test_every_signal_has_a_note():
    assert set(SIGNAL_NOTES) == set(SIGNALS.codes)


@pytest.mark.parametrize(("signal", "text"), sorted(SIGNAL_NOTES.items()))
def test_each_signal_is_recognised_with_its_cue(signal, text):
    reading = read_note(text)
    assert signal in reading.signals
    assert any(s == signal for s, _ in reading.signal_cues)


def test_dict_follows_the_deal_format_contract():
    data = reading_to_dict(read_note("He said we are the only vendor he will accept."))
    assert set(data) >= {"attitude", "personal_need", "departments", "signals"}
    assert set(data["attitude"]) == {"level", "confidence", "cues"}
    assert data["attitude"]["level"] == 4
    assert 0.0 <= data["attitude"]["confidence"] <= 1.0
    assert set(data["personal_need"]) == {"type", "cues"}
    assert all(s in SIGNALS for s in data["signals"])
    assert all(set(c) == {"signal", "cue"} for c in data["signal_cues"])


def test_every_suggestion_lists_cues():
    reading = read_note("采购孙经理私下透露预算两百万,还说交期可以商量")
    assert reading.level is not None and reading.level_cues
    for code in reading.signals:
        assert any(s == code for s, _ in reading.signal_cues)
    for code in reading.departments:
        assert any(d == code for d, _ in reading.department_cues)


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("分管副总倾向对手", "a:+rival"),
        ("他在会上挑我们的刺", "a:-us"),
        ("竞品那家再来,我直接让保安请出去", "a:-rival"),
    ],
)
def test_a_stance_is_marked_with_whom_it_is_aimed_at(text, feature):
    from dealmap.signals.features import features

    assert feature in features(text)


@pytest.mark.parametrize(
    ("text", "department"),
    [
        ("信息科主任问了接口的事", "technical"),
        ("院长下周回来", "executive"),
        ("设备科要三家报价", "purchasing"),
    ],
)
def test_public_sector_roles_name_their_department(text, department):
    assert department in read_note(text).departments


@pytest.mark.parametrize(
    ("text", "department", "span"),
    [
        ("刘工说兼容性没问题", "technical", "刘工"),
        ("Xie gong says the spec is fine", "technical", "xie gong"),
        ("总工办转来一份意见", "technical", "总工"),
        ("王总说下周拍板", "executive", "王总"),
    ],
)
def test_a_surname_and_title_names_the_department(text, department, span):
    from dealmap.signals.features import DEPARTMENT_NAME, find_cues

    found = [(m.value, m.span) for m in find_cues(text) if m.kind == DEPARTMENT_NAME]
    assert (department, span) in found


@pytest.mark.parametrize(
    "text", ["他在总部工作", "王总监说再看看", "李总结了一下", "这周总是下雨", "老王工作很忙"]
)
def test_words_that_only_start_with_a_title_name_no_one(text):
    from dealmap.signals.features import DEPARTMENT_NAME, find_cues

    assert not [
        m for m in find_cues(text) if m.kind == DEPARTMENT_NAME and m.value in ("technical", "executive")
    ]


def test_a_sentence_that_opens_with_a_contrast_outweighs_the_ones_before():
    from dealmap.signals.text import clauses, normalize

    parts = clauses(normalize("Friendly on calls. But our champion says he argued against us."))
    assert [(c.weight, c.contrast) for c in parts] == [(0.6, False), (1.4, True)]


def test_deeds_after_jieguo_outweigh_the_words_before():
    from dealmap.signals.text import clauses, normalize

    words, deeds = clauses(normalize("说是支持我们,结果评分表上给我们和对手打的分一模一样"))
    assert deeds.weight > words.weight and deeds.contrast


def test_between_two_close_levels_the_one_with_likely_neighbours_wins():
    from dealmap.signals.reader import _pick_level

    # 0 is likelier than +1 alone, but +1 sits between 0 and +2: its expected error is smaller.
    probs = (0.0, 0.0, 0.0, 0.0, 0.4, 0.35, 0.25, 0.0, 0.0)
    assert _pick_level(probs) == (1, 0.35)
    # Far apart, the likelier one wins outright.
    assert _pick_level((0.0, 0.0, 0.0, 0.0, 0.6, 0.0, 0.0, 0.0, 0.4)) == (0, 0.6)


def _model_without_departments():
    """A real linear model whose department outputs are all near 0, whatever the note says."""
    from dealmap.signals import model as m

    bias = [0.0] * m.SIZE
    for code in m.DEPTS:
        bias[m.department_index(code)] = -10.0
    return m.LinearModel({"bias": bias})


def test_a_department_the_note_names_is_suggested_with_the_name_as_its_cue():
    reading = read_note("财务总监问了一句交付周期", model=_model_without_departments())
    assert reading.departments == ("finance",)
    assert ("finance", "财务") in reading.department_cues


def test_a_negated_department_name_is_not_suggested_by_naming_alone():
    lm = _model_without_departments()
    assert read_note("采购说了算", model=lm).departments == ("purchasing",)
    assert read_note("不是采购说了算", model=lm).departments == ()


@pytest.mark.parametrize("text", ["王总说下周拍板,只选你们", "他说只考虑你们"])
def test_choosing_only_us_reads_as_a_supporter(text):
    reading = read_note(text)
    assert reading.level is not None and reading.level >= 3


def _model_for_technical(**weights: float):
    """A real linear model where only the given features push the technical department."""
    from dealmap.signals import model as m

    def vec(w: float) -> list[float]:
        v = [0.0] * m.SIZE
        v[m.department_index("technical")] = w
        return v

    bias = [0.0] * m.SIZE
    for code in m.DEPTS:
        bias[m.department_index(code)] = -2.0
    return m.LinearModel({"bias": bias} | {name: vec(w) for name, w in weights.items()})


def test_learned_cues_skip_words_that_explain_nothing():
    lm = _model_for_technical(**{"w:the": 10.0, "w:from_the": 8.0, "w:firmware": 4.0})
    reading = read_note("They asked about the firmware from the old rig", model=lm)
    assert reading.departments == ("technical",)
    assert [c for d, c in reading.department_cues if d == "technical"] == ["≈firmware"]


def test_function_words_are_still_shown_when_nothing_else_pushed_the_suggestion():
    lm = _model_for_technical(**{"w:the": 10.0})
    reading = read_note("They asked about the thing", model=lm)
    assert [c for d, c in reading.department_cues if d == "technical"] == ["≈the"]


@pytest.mark.parametrize("text", ["OK", "他说", "asdf qwerty", "We", "收到，明天再聊"])
def test_a_note_with_nothing_in_it_suggests_no_behaviour_signal(text):
    """The bias alone gave 敷衍 at 0.25 — above the 0.2 threshold — to every note without a level cue."""
    assert read_note(text).signals == ()


def test_a_signal_the_words_point_to_is_still_suggested():
    assert "shares_inside_info" in read_note("郑工私下说有消息第一时间告诉我").signals
