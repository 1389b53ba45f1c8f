"""What the course prescribes for each attitude group (ch5.s1 第二) and for influence paths."""

from __future__ import annotations

from dataclasses import dataclass

from dealmap.method.codes import Text


@dataclass(frozen=True)
class Point:
    """One course-grounded piece of advice and the section it comes from."""

    text: Text
    rule: str


#: The first action for each attitude group: the strategy itself, said concretely.
GROUP_ACTIONS: dict[str, Point] = {
    "supporter": Point(
        Text(
            "强化支持者：不要因为他已经支持就怠慢他，保持定期联系，让他在内部赢。",
            "Reinforce: do not neglect them because they already support us; keep in touch and help them win inside.",
        ),
        "ch5.s1 第二.一.4",
    ),
    "neutral": Point(
        Text(
            "发展中立者：尽量不得罪任何一方，争取他的支持——中立者往往决定最后的结果。",
            "Develop: offend no side and win their support — neutrals often decide the outcome.",
        ),
        "ch5.s1 第二.二",
    ),
    "opponent": Point(
        Text(
            "孤立反对者：控制花在他身上的时间，过多关注反对者会让支持者起疑。",
            "Isolate: cap the time spent on them — courting opponents makes supporters doubt us.",
        ),
        "ch5.s1 第二.一.2",
    ),
    "unassessed": Point(
        Text(
            "先摸清态度：没有评估就谈不上策略。",
            "Assess first: without an attitude there is no strategy.",
        ),
        "ch5.s2",
    ),
}

#: For an opponent in the decision layer, instead of "isolate": nobody can isolate the people who
#: decide, but they too decide on the departments' analyses and comparisons (ch5.s1 第一.三).
OPPONENT_AT_THE_TOP = Point(
    Text(
        "他在决策层，孤立不了，也别正面对抗：决策层也要靠相关部门的分析对比来拍板，"
        "让支持我们的部门把我方的整体相对优势讲清楚；同时弄清他反对的真正原因。",
        "They sit in the decision layer and cannot be isolated — nor confronted head-on: the decision layer, "
        "too, decides on the departments' analyses and comparisons, so let the departments that back us make "
        "our overall relative advantage plain; and find out why they really oppose us.",
    ),
    "ch5.s1 第一.三",
)

#: For a neutral or opponent whom supporters can reach: use them (ch5.s1 利用支持者影响其他人).
USE_SUPPORTERS = Point(
    Text("请支持者{names}去影响他。", "Ask {names}, who support us, to sway them."),
    "ch5.s1 第二.一.3",
)
#: The same when one supporter reaches them.
USE_SUPPORTER = Point(
    Text("请支持者{names}去影响他。", "Ask {names}, who supports us, to sway them."),
    "ch5.s1 第二.一.3",
)
#: For a neutral or opponent whom no supporter reaches yet.
FIND_A_PATH = Point(
    Text(
        "目前没有支持者能影响到他：找出和他关系密切、又能被我们争取的人。",
        "No supporter reaches them yet: find someone close to them whom we can win over.",
    ),
    "ch5.s1 第二.一.3",
)
#: For a person marked as our coach (内线).
COACH = Point(
    Text(
        "他是内线：定期向他了解项目进展、竞争对手动向、内部人员态度和关键人物情况，并保护好他。",
        "They are our coach: regularly ask about progress, competitors, internal attitudes and key people — "
        "and protect them.",
    ),
    "ch5.s1 第二.一.5",
)
#: For a strong supporter (+3) who already is our coach: the level's own advice says "grow them
#: into a coach"; this keeps its first half.
CONSULT_COACH = Point(
    Text("重大行动前先和他商量。", "Consult them before every big move."),
    "ch5.s2 +3",
)
#: For a person marked as our coach whose attitude is an opponent's: a coach who opposes us may be
#: feeding us what suits them, not what is true.
COACH_OPPOSED = Point(
    Text(
        "他被标为内线，但目前的态度是反对：先核实他提供的消息，别让他接触我方核心信息，并在支持者中另找内线。",
        "They are marked as our coach but now oppose us: verify what they tell us, keep our core information "
        "from them, and grow another coach among the supporters.",
    ),
    "ch5.s1 第二.一.5",
)
#: For a `not_for_me` objection (ch1.s1 第二): answer with their own win, not product arguments.
NOT_FOR_ME = Point(
    Text(
        "他的异议是“不适合我”：用他个人能得到的收益和风险保障来回应，而不是讲产品。",
        "Their objection is “not right for me”: answer with their own gain and risk cover, not product arguments.",
    ),
    "ch1.s1 第二",
)
NOT_FOR_COMPANY = Point(
    Text(
        "他的异议是“不适合公司”：用公司层面的问题、收益和同行案例回应。",
        "Their objection is “not right for the company”: answer with the company's problem, gain and peer cases.",
    ),
    "ch1.s1 第二",
)
