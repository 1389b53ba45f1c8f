"""The stable codes of the method, each with a Chinese and an English label.

Every code used by the data model, the deal file, the engine and the signals reader is
defined here once. Code elsewhere refers to the code strings, never to copied labels.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

LANGS = ("zh", "en")


@dataclass(frozen=True)
class Text:
    """A piece of user-facing text in both languages."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def as_dict(self) -> dict[str, str]:
        return {"zh": self.zh, "en": self.en}


@dataclass(frozen=True)
class Code:
    """One member of a vocabulary: a stable code and its labels."""

    code: str
    label: Text

    def __str__(self) -> str:
        return self.code


class Vocabulary:
    """An ordered, read-only set of codes with their labels."""

    def __init__(self, name: str, *entries: tuple[str, str, str]):
        self.name = name
        self._entries = {code: Code(code, Text(zh, en)) for code, zh, en in entries}

    def __contains__(self, code: object) -> bool:
        return code in self._entries

    def __iter__(self) -> Iterator[Code]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def __getitem__(self, code: str) -> Code:
        return self._entries[code]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self._entries)

    def label(self, code: str | None, lang: str = "zh") -> str:
        if code is None or code not in self._entries:
            return ""
        return self._entries[code].label.get(lang)

    def choices(self, lang: str = "zh") -> list[tuple[str, str]]:
        """(code, label) pairs, e.g. for a Django field's choices or a form select."""
        return [(c.code, c.label.get(lang)) for c in self]


LAYERS = Vocabulary(
    "layer",
    ("decision", "决策层", "Decision layer"),
    ("management", "管理层", "Management layer"),
    ("execution", "执行层", "Execution layer"),
)

DEPARTMENTS = Vocabulary(
    "department",
    ("executive", "决策层/总经办", "Executive office"),
    ("purchasing", "采购部", "Purchasing"),
    ("technical", "技术部", "Technical"),
    ("user", "使用部门", "User department"),
    ("finance", "财务部", "Finance"),
    ("other", "其他", "Other"),
)

BUYING_ROLES = Vocabulary(
    "buying_role",
    ("decision_maker", "拍板人", "Decision maker"),
    ("approver", "审批人", "Approver"),
    ("evaluator", "评估人", "Evaluator"),
    ("influencer", "影响者", "Influencer"),
    ("user", "使用者", "User"),
    ("gatekeeper", "把关者", "Gatekeeper"),
    ("other", "其他", "Other"),
)

CHANGE_STYLES = Vocabulary(
    "change_style",
    ("novelty", "喜欢接受新鲜事物", "Embraces novelty"),
    ("conservative", "守旧害怕改变", "Conservative, fears change"),
    ("steady", "追求稳健", "Seeks steadiness"),
    ("speed", "追求速度", "Seeks speed"),
)

PERSONAL_NEEDS = Vocabulary(
    "personal_need",
    ("safety", "安全需求", "Safety"),
    ("belonging", "归属需求", "Belonging"),
    ("esteem", "尊重需求", "Esteem"),
    ("self_actualization", "自我实现", "Self-actualisation"),
)

SIGNALS = Vocabulary(
    "signal",
    ("shares_inside_info", "透露内部信息", "Shares inside information"),
    ("sells_internally", "帮我方做内部销售", "Sells for us internally"),
    ("consults_us", "重大决策前与我方商量", "Consults us before big moves"),
    ("blocks_info", "对我方封锁信息", "Blocks information from us"),
    ("leaks_to_competitor", "把我方信息透露给竞争者", "Leaks our information to a competitor"),
    ("perfunctory", "敷衍", "Perfunctory"),
    ("says_vs_does", "说的与做的不一致", "Says one thing, does another"),
    ("public_support_private_opposition", "当面支持背后反对", "Supports in public, opposes in private"),
    ("under_pressure", "面对压力", "Under pressure"),
    ("rebutted", "面对反驳", "Has been rebutted"),
    ("tempted", "面对诱惑", "Tempted by an offer"),
    ("polite_to_all", "对每家都客气", "Polite to every vendor"),
)

#: Signals that show a person really works for us (ATT_SENIOR_UNVERIFIED).
POSITIVE_SIGNALS = ("shares_inside_info", "sells_internally", "consults_us")
#: Signals that contradict a stated support (ATT_INCONSISTENT).
INCONSISTENCY_SIGNALS = (
    "blocks_info",
    "leaks_to_competitor",
    "perfunctory",
    "says_vs_does",
    "public_support_private_opposition",
)

RELATION_KINDS = Vocabulary(
    "relation_kind",
    ("influences", "影响", "Influences"),
    ("conflicts", "冲突", "Conflicts with"),
    ("close", "关系密切", "Close to"),
)

OBJECTION_KINDS = Vocabulary(
    "objection_kind",
    ("not_for_company", "不适合公司", "Not right for the company"),
    ("not_for_me", "不适合我", "Not right for me"),
)

RESEARCH_QUESTIONS = Vocabulary(
    "research",
    ("who_proposed", "谁提出的这个需求？", "Who proposed this need?"),
    ("why", "基于什么原因提出？", "Why was it proposed?"),
    ("strategy_link", "和公司最近的战略相关吗？", "Is it linked to the company's recent strategy?"),
    ("goals", "希望产品达成的目标？", "What should the product achieve?"),
    ("target_market", "产品的目标市场、目标用户？", "Target market and target users?"),
    ("new_or_iteration", "新建还是迭代，之前有没有提过？", "New or an iteration; was it raised before?"),
    ("timeline", "时间要求？", "What is the timeline?"),
)

GROUPS = Vocabulary(
    "group",
    ("supporter", "支持者", "Supporter"),
    ("neutral", "中立者", "Neutral"),
    ("opponent", "反对者", "Opponent"),
    ("unassessed", "未评估", "Not assessed"),
)

STRATEGIES = Vocabulary(
    "strategy",
    ("reinforce", "强化支持者", "Reinforce supporters"),
    ("develop", "发展中立者", "Develop neutrals"),
    ("isolate", "孤立反对者", "Isolate opponents"),
    ("assess", "先摸清态度", "Find out the attitude first"),
)

#: Each attitude group and the strategy the course prescribes for it (ch5.s1 第二).
STRATEGY_OF_GROUP = {
    "supporter": "reinforce",
    "neutral": "develop",
    "opponent": "isolate",
    "unassessed": "assess",
}

SEVERITIES = Vocabulary(
    "severity",
    ("critical", "严重", "Critical"),
    ("warning", "警告", "Warning"),
    ("info", "提示", "Info"),
)

CHANNELS = Vocabulary(
    "channel",
    ("meeting", "会面", "Meeting"),
    ("phone", "电话", "Phone"),
    ("wechat", "微信", "WeChat"),
    ("email", "邮件", "Email"),
    ("site_visit", "现场拜访", "Site visit"),
    ("dinner", "宴请", "Dinner"),
    ("other", "其他", "Other"),
)

LEVEL_MIN, LEVEL_MAX = -4, 4
POWER_MIN, POWER_MAX = 1, 5
POWER_UNKNOWN = 3
TRUST_DELTA_MIN, TRUST_DELTA_MAX = -3, 3
RELATION_STRENGTH_MIN, RELATION_STRENGTH_MAX = 1, 3
AFFINITY_MIN, AFFINITY_MAX = 0, 3

#: The key decision roles: a person in one of these is a key stakeholder whatever their power.
KEY_ROLES = ("decision_maker", "approver")


def group_of_level(level: int | None) -> str:
    """The attitude group of a level (ch5.s1 第二): +2 and up supports, -2 and down opposes."""
    if level is None:
        return "unassessed"
    if level >= 2:
        return "supporter"
    if level <= -2:
        return "opponent"
    return "neutral"
