"""The seven needs-research questions (ch4) and why each answer matters."""

from __future__ import annotations

from dealmap.method.codes import RESEARCH_QUESTIONS, Text

RESEARCH_RULE = "ch4"

#: Why each answer matters to the seller.
RESEARCH_PURPOSE: dict[str, Text] = {
    "who_proposed": Text(
        "提出人往往是最早的支持者或反对者。", "Whoever proposed it is often the first supporter or opponent."
    ),
    "why": Text("原因决定了价值怎么讲。", "The reason decides how to frame the value."),
    "strategy_link": Text("和战略挂钩，决策层才会重视。", "Tied to strategy, the decision layer will care."),
    "goals": Text("目标就是验收标准。", "The goals are the acceptance criteria."),
    "target_market": Text(
        "目标用户决定了方案的重点。", "The target users decide what the solution stresses."
    ),
    "new_or_iteration": Text(
        "迭代项目要弄清上一次为什么没成。", "For an iteration, learn why the last one fell short."
    ),
    "timeline": Text("时间要求决定节奏和资源投入。", "The timeline sets the pace and the resources."),
}

assert set(RESEARCH_PURPOSE) == set(RESEARCH_QUESTIONS.codes)
