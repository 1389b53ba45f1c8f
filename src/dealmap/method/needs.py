"""Personal needs (ch3): the behavioural cues that reveal each one and how to serve it."""

from __future__ import annotations

from dataclasses import dataclass

from dealmap.method.codes import Text
from dealmap.method.strategies import Point


@dataclass(frozen=True)
class PersonalNeed:
    """One of the four personal needs: cues to spot it and the tactic that serves it."""

    code: str
    cues: tuple[Text, ...]
    tactic: Point


PERSONAL_NEED_INFO: dict[str, PersonalNeed] = {
    "safety": PersonalNeed(
        "safety",
        (
            Text("保职位，不承担风险", "protects their position, takes no risk"),
            Text("推迟采购，过于小心", "delays the purchase, over-careful"),
            Text("不出头、不表态，随大流", "never sticks their neck out, follows the crowd"),
            Text("为避嫌和销售人员保持距离", "keeps salespeople at a distance to avoid suspicion"),
            Text("一视同仁、公事公办", "“everyone treated the same, by the book”"),
        ),
        Point(
            Text(
                "降低他的个人风险：带上同行案例、权威认证、试点和兜底承诺；别逼他出头表态，给他留下公事公办的书面依据。预计会拖延。",
                "Lower their personal risk: bring peer cases, certifications, a pilot and a risk-reversal promise; "
                "never push them to take a stand, give them written grounds. Expect delay.",
            ),
            "ch3.s1",
        ),
    ),
    "belonging": PersonalNeed(
        "belonging",
        (
            Text("态度与高层高度一致", "attitude mirrors top management"),
            Text("希望获得领导赏识", "seeks the leader's appreciation"),
            Text("注重平衡内部关系", "balances internal relationships"),
        ),
        Point(
            Text(
                "先争取他的上级；让他在领导面前有功劳，并帮他平衡各方关系。",
                "Win their superior first; let them earn credit with the leader and help them keep the peace inside.",
            ),
            "ch3.s2",
        ),
    ),
    "esteem": PersonalNeed(
        "esteem",
        (
            Text("不惜与众为敌也要证明自己", "proves themself even against everyone"),
            Text("故意不用老供应商", "deliberately drops the old supplier"),
            Text("故意否定资历老的下属", "deliberately overrules senior subordinates"),
            Text("强调服从、立威", "stresses obedience, asserts authority"),
        ),
        Point(
            Text(
                "尊重他的判断和权威，让他成为方案的主导者；若我们是老供应商，要给他一个“新”的理由。",
                "Respect their judgement and authority and let them own the solution; if we are the incumbent, "
                "give them something new to champion.",
            ),
            "ch3.s3",
        ),
    ),
    "self_actualization": PersonalNeed(
        "self_actualization",
        (
            Text("关注业务突破", "looks for business breakthroughs"),
            Text("关注企业市场地位", "cares about the company's market position"),
            Text("追求个人功成名就", "seeks personal success and fame"),
        ),
        Point(
            Text(
                "把项目讲成他的业务突破和个人成就：行业标杆、市场地位。",
                "Frame the project as their breakthrough and personal achievement: an industry benchmark, market position.",
            ),
            "ch3.s4",
        ),
    ),
}

#: When the need is not known yet: observe the cues before pitching.
UNKNOWN_NEED = Point(
    Text(
        "还不清楚他的个人需求：留意他是求稳、求认可、求被尊重还是求成就，再决定怎么谈。",
        "Their personal need is unknown: watch whether they seek safety, belonging, esteem or achievement before pitching.",
    ),
    "ch3",
)
