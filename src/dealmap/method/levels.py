"""The nine attitude levels (ch5.s2): what each means for us, what people say, and what to do.

Levels run from -4 to +4. For each: the label, what our company means to the person, the typical
words or behaviour that reveal it, and the first action the course suggests.
"""

from __future__ import annotations

from dataclasses import dataclass

from dealmap.method.codes import LEVEL_MAX, LEVEL_MIN, Text


@dataclass(frozen=True)
class Level:
    """One attitude level and what the course says about it."""

    level: int
    label: Text
    means: Text
    words: tuple[Text, ...]
    action: Text
    rule: str

    @property
    def signed(self) -> str:
        return f"{self.level:+d}" if self.level else "0"


LEVELS: dict[int, Level] = {
    4: Level(
        4,
        Text("坚决拥护", "fully committed"),
        Text("我方能给他带来很大的个人好处", "we bring them a big personal gain"),
        (Text("排斥竞争者和反对者，只接受我方", "rejects competitors and opponents, accepts only us"),),
        Text(
            "让他在内部替我方发声，同时保护好他：别让他因为支持我们而独自承担风险。",
            "Let them speak for us inside, and protect them: they must not carry the risk of backing us alone.",
        ),
        "ch5.s2 +4",
    ),
    3: Level(
        3,
        Text("大力支持", "strong supporter"),
        Text("和我方合作让他收益很大", "working with us gains them a lot"),
        (
            Text("只认可我方，排斥竞争者", "endorses only us, shuts out competitors"),
            Text("主动在内部替我方做销售", "sells for us internally"),
            Text("告诉我们客户内部关系和竞争对手信息", "tells us internal relations and competitor news"),
            Text("希望我方重大行动前先和他商量", "wants to be consulted before our big moves"),
        ),
        Text(
            "重大行动前先和他商量；把他培养成内线，定期了解项目进展、竞争对手、内部态度和关键人物情况。",
            "Consult them before every big move; grow them into a coach who keeps us posted on progress, "
            "competitors, internal attitudes and the key people.",
        ),
        "ch5.s1 第二.一.5",
    ),
    2: Level(
        2,
        Text("表示支持", "supportive"),
        Text("我方可以帮助他", "we can help them"),
        (
            Text("支持我方，但在压力下可能改变", "supports us but may shift under pressure"),
            Text("发现销售人员能力不行也会改变态度", "turns if our salesperson looks incompetent"),
        ),
        Text(
            "持续证明我方的专业能力，并帮他准备应对内部压力的说法：他在压力下或觉得我们不行时会转向。",
            "Keep proving our competence and arm them against internal pressure: "
            "they turn under pressure or if we look weak.",
        ),
        "ch5.s2 +2",
    ),
    1: Level(
        1,
        Text("产生兴趣", "interested"),
        Text("我方对他有一点好处", "we are slightly useful to them"),
        (Text("愿意进一步深入了解我方", "wants to learn more about us"),),
        Text(
            "满足他进一步了解的意愿，但先别亮出核心信息（方案细节、报价底线），过早展示容易泄露。",
            "Feed their interest but hold back core information (solution details, price floor): "
            "shown too early, it leaks.",
        ),
        "ch5.s2 +1",
    ),
    0: Level(
        0,
        Text("中立", "neutral"),
        Text("我方对他没有坏处", "we do them no harm"),
        (
            Text(
                "对所有供应商一视同仁，项目和他关系不大",
                "treats all vendors alike; the project matters little to them",
            ),
            Text("“现在还早，你过一段时间再来吧”", "“It is early, come back later”"),
            Text("“你们不用跑了，到时候我们会统一招标的”", "“No need to visit, there will be a tender”"),
        ),
        Text(
            "找出这个项目和他个人的关系：我方能为他解决什么问题、带来什么收益，让“没有坏处”变成“有好处”。",
            "Find what the project means to them personally — the problem we solve for them, the gain we bring — "
            "and turn “no harm” into “some good”.",
        ),
        "ch5.s2 0",
    ),
    -1: Level(
        -1,
        Text("毫无兴趣", "uninterested"),
        Text("我方对他没有任何好处", "we are of no use to them"),
        (
            Text("认为没必要改变，各家都一样", "sees no need to change, all vendors the same"),
            Text("“你们来得太晚了，我们已经定下来了”", "“You are too late, it is decided”"),
            Text(
                "“你把资料先放在这里，需要的时候我们会跟你联系的”", "“Leave the brochure, we will call you”"
            ),
            Text("“我们今年没有采购计划”", "“We have no purchase plan this year”"),
        ),
        Text(
            "他觉得没必要改变：用同行案例和维持现状的代价说明改变的必要，不要硬推产品。",
            "They see no need to change: show the cost of the status quo and what peers gained; do not push the product.",
        ),
        "ch5.s2 -1",
    ),
    -2: Level(
        -2,
        Text("负面评价", "negative"),
        Text("我方增加了他工作的难度", "we make their work harder"),
        (Text("明确表达对我方的不认可", "openly disapproves of us"),),
        Text(
            "弄清我方让他工作变难的具体地方并加以消除；请支持者去影响他，别和他正面争论。",
            "Find exactly where we make their work harder and remove it; let supporters sway them, do not argue head-on.",
        ),
        "ch5.s2 -2",
    ),
    -3: Level(
        -3,
        Text("当众抵制", "public resistance"),
        Text("我方损害了他的利益", "we hurt their interests"),
        (
            Text("对我方封锁信息", "blocks information from us"),
            Text("把我方信息透露给竞争者", "leaks our information to competitors"),
            Text("只要竞争者不犯错，不会轻易改变", "will not move unless the competitor errs"),
        ),
        Text(
            "限制他能看到的信息，不要过度投入；用我方优势弥补劣势，而不是去消除每一个劣势，靠整体相对优势赢单。",
            "Limit what they see and do not over-invest; offset our weaknesses with our strengths instead of "
            "erasing each one — win on overall relative advantage.",
        ),
        "ch5.s1 第二.一.3",
    ),
    -4: Level(
        -4,
        Text("势不两立", "irreconcilable"),
        Text("我方严重损害了他的利益", "we seriously hurt their interests"),
        (Text("情绪和利益上的对立，你死我活", "emotional and interest-level hostility, win-or-die"),),
        Text(
            "不要指望说服他：控制信息，确保决策人从支持者那里听到我方的声音，靠整体相对优势赢单。",
            "Do not expect to convert them: control information, make sure the decision maker hears our "
            "supporters, win on overall relative advantage.",
        ),
        "ch5.s1 第二.一.3",
    ),
}

assert sorted(LEVELS) == list(range(LEVEL_MIN, LEVEL_MAX + 1))

#: What to do for a person whose attitude is not known yet.
UNASSESSED_ACTION = Text(
    "先摸清他的态度：安排一次接触，记下他的原话和行为信号，再按态度等级评估。",
    "Find out their attitude first: meet them, note their own words and behaviour signals, then rate the level.",
)
UNASSESSED_RULE = "ch5.s2"


def _level_text(level: int) -> Text:
    info = LEVELS[level]
    return Text(f"{info.signed}\uff08{info.label.zh}\uff09", f"{info.signed} ({info.label.en})")


_LEVEL_TEXTS: dict[int | None, Text] = {level: _level_text(level) for level in LEVELS}
_LEVEL_TEXTS[None] = Text("未评估", "not assessed")


def level_text(level: int | None) -> Text:
    """'+1（产生兴趣）' / '+1 (interested)'; 'not assessed' for None."""
    return _LEVEL_TEXTS[level]
