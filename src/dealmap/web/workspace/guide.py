"""The in-app method guide: the course's chapters and sections, filled from ``dealmap.method`` data.

The outline (chapter and section headings) is ``dealmap.method.outline``; every label, meaning,
cue and action is read from the method package. ``rule_target`` turns a finding's course
reference (``"ch5.s1 第一.二"``) into the guide page and anchor it links to.
"""

from __future__ import annotations

import re

from dealmap.method.outline import CHAPTERS

CHAPTER_BY_SLUG = {c.slug: c for c in CHAPTERS}
FINDINGS_SLUG = "findings"

_RULE = re.compile(r"(ch\d+)(?:\.s(\d+))?")


def rule_target(rule: str) -> tuple[str, str]:
    """The guide chapter and anchor a course reference points to: ``"ch5.s1 第一.二"`` → ``("ch5", "ch5-s1")``.

    A reference naming several sections (``"ch2.s1, ch5.s1"``) links to the first; one naming only
    a chapter links to the chapter's top; an unknown one to the findings catalogue.
    """
    match = _RULE.search(rule or "")
    if not match or match.group(1) not in CHAPTER_BY_SLUG:
        return FINDINGS_SLUG, ""
    chapter, section = match.group(1), match.group(2)
    return chapter, f"{chapter}-s{section}" if section else chapter


def rule_chapter_section(rule: str) -> str:
    """The anchor of the section a reference belongs to, for grouping items on a chapter page."""
    return rule_target(rule)[1]
