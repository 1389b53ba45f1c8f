"""The course's outline: its chapters and sections with their headings in zh and en.

Course references in the method data (``"ch5.s1 第一.二"``) point into this outline; the in-app
method guide is built on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from dealmap.method.codes import Text


@dataclass(frozen=True)
class Section:
    anchor: str
    title: Text


@dataclass(frozen=True)
class Chapter:
    slug: str
    title: Text
    sections: tuple[Section, ...]


def _chapter(slug: str, zh: str, en: str, *sections: tuple[str, str, str]) -> Chapter:
    return Chapter(slug, Text(zh, en), tuple(Section(a, Text(z, e)) for a, z, e in sections))


CHAPTERS: tuple[Chapter, ...] = (
    _chapter(
        "ch1",
        "大客户需求特点",
        "What makes key-account needs different",
        ("ch1-s1", "群体决策，而非个人决策", "A group decides, not a person"),
        ("ch1-s2", "不同人认知不同", "People take change differently"),
    ),
    _chapter(
        "ch2",
        "部门需求分析",
        "What each department needs",
        ("ch2-s1", "决策层需求分析", "The decision layer"),
        ("ch2-s2", "管理层需求分析", "The management layer and its departments"),
        ("ch2-s3", "执行层需求分析", "The execution layer"),
    ),
    _chapter(
        "ch3",
        "个人需求分析",
        "Personal needs",
        ("ch3-s1", "安全需求", "Safety"),
        ("ch3-s2", "归属需求", "Belonging"),
        ("ch3-s3", "尊重需求", "Esteem"),
        ("ch3-s4", "自我实现需求", "Self-actualisation"),
    ),
    _chapter("ch4", "客户需求调研", "Researching the need", ("ch4-s0", "七个问题", "The seven questions")),
    _chapter(
        "ch5",
        "客户态度分析",
        "Reading attitudes",
        ("ch5-s1", "为什么要对态度进行分析？", "Why analyse attitudes: the four strategies"),
        ("ch5-s2", "客户态度的等级", "The nine attitude levels"),
        ("ch5-s3", "正确看待客户的态度", "Reading attitudes right: behaviour signals"),
    ),
)


_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def rule_label(rule: str, lang: str) -> str:
    """A course reference as a reader of ``lang`` reads it: as written in Chinese
    ("ch5.s1 第二.一.4"), with the outline's Chinese numbering in digits in English
    ("ch5.s1 §2.1.4"). The stored reference (the JSON report's ``rule``) stays as written."""
    if lang == "zh":
        return rule
    parts = []
    for part in rule.split(" "):
        if part[:1] == "第" or part[:1] in _NUMERALS:
            steps = part.removeprefix("第").split(".")
            part = "§" + ".".join(str(_NUMERALS.get(s, s)) for s in steps)
        parts.append(part)
    return " ".join(parts)
