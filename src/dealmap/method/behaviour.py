"""What each behaviour signal (ch5.s3) tells about an attitude."""

from __future__ import annotations

from dataclasses import dataclass

from dealmap.method.codes import INCONSISTENCY_SIGNALS, POSITIVE_SIGNALS, SIGNALS, Text


@dataclass(frozen=True)
class Signal:
    """A behaviour signal: what it means and which way it points (+1 for us, -1 against, 0 context)."""

    code: str
    means: Text
    polarity: int
    rule: str


SIGNAL_INFO: dict[str, Signal] = {
    s.code: s
    for s in (
        Signal("shares_inside_info", Text("把我们当自己人", "treats us as an insider"), 1, "ch5.s2 +3"),
        Signal("sells_internally", Text("在内部替我们推动", "pushes for us inside"), 1, "ch5.s2 +3"),
        Signal("consults_us", Text("重视我们的意见", "values our view"), 1, "ch5.s2 +3"),
        Signal("blocks_info", Text("在防着我们", "is guarding against us"), -1, "ch5.s2 -3"),
        Signal("leaks_to_competitor", Text("站在竞争者一边", "sides with a competitor"), -1, "ch5.s2 -3"),
        Signal("perfunctory", Text("态度可能是假的", "the attitude may be fake"), -1, "ch5.s3 第一.三"),
        Signal(
            "says_vs_does", Text("嘴上说的不是心里想的", "words and deeds differ"), -1, "ch5.s3 第二.二.2"
        ),
        Signal(
            "public_support_private_opposition",
            Text("表面支持不可信", "public support is not to be trusted"),
            -1,
            "ch5.s3 第一.一",
        ),
        Signal(
            "under_pressure",
            Text("态度可能随压力变化", "the attitude may shift under pressure"),
            0,
            "ch5.s3 第二.一.1",
        ),
        Signal(
            "rebutted",
            Text("被反驳后态度可能变化", "the attitude may shift after a rebuttal"),
            0,
            "ch5.s3 第二.一.2",
        ),
        Signal(
            "tempted",
            Text("可能被别家的诱惑拉走", "may be drawn away by another offer"),
            0,
            "ch5.s3 第二.一.3",
        ),
        Signal(
            "polite_to_all",
            Text("对每家都客气，不轻易站队", "polite to all, takes no side"),
            0,
            "ch5.s3 第二.四.1",
        ),
    )
}

assert set(SIGNAL_INFO) == set(SIGNALS.codes)
assert {c for c, s in SIGNAL_INFO.items() if s.polarity > 0} == set(POSITIVE_SIGNALS)
assert {c for c, s in SIGNAL_INFO.items() if s.polarity < 0} == set(INCONSISTENCY_SIGNALS)
