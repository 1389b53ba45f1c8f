"""The finding catalogue (methodology §4): code, severity, course section, message and action.

Messages and actions are templates with named placeholders, in Chinese and English. The engine
fills them with `fill()`; a placeholder's value may be plain text, a `Text` (chosen per language)
or a sequence of names (joined the way each language joins a list).
"""

from __future__ import annotations

from dataclasses import dataclass

from dealmap.method.codes import SEVERITIES, Text

PERSON, DEPARTMENT, DEAL = "person", "department", "deal"


@dataclass(frozen=True)
class FindingSpec:
    """One entry of the catalogue; `about` says what a finding's subject is."""

    code: str
    severity: str
    about: str
    rule: str
    message: Text
    action: Text


def _spec(code: str, severity: str, about: str, rule: str, message: tuple[str, str], action: tuple[str, str]):
    return FindingSpec(code, severity, about, rule, Text(*message), Text(*action))


_SPECS = (
    _spec(
        "COV_SINGLE_THREAD",
        "critical",
        DEAL,
        "ch5.s1 第一.二",
        (
            "过去{days}天有接触的客户人员{contacted}：销售不能在一棵树上吊死。",
            "In the last {days} days we were in touch with {contacted} at the customer: "
            "never hang the deal on one person.",
        ),
        (
            "请现有联系人引荐，至少再打开一条线，优先接触决策层和其他相关部门。",
            "Ask current contacts for introductions and open at least one more thread, "
            "first to the decision layer and the other departments.",
        ),
    ),
    _spec(
        "COV_SINGLE_DEPARTMENT",
        "warning",
        DEAL,
        "ch1.s1 第三",
        (
            "过去{days}天接触的人（{names}）全部来自{department}：单一部门的接触会让信息失真、判断不准。",
            "Everyone we met in the last {days} days ({names}) is in {department}: "
            "contact through one department distorts what we hear.",
        ),
        (
            "接触其他部门（{others}），交叉验证听到的信息。",
            "Reach the other departments ({others}) and cross-check what we hear.",
        ),
    ),
    _spec(
        "COV_NO_DECISION_LAYER",
        "critical",
        DEAL,
        "ch2.s1, ch5.s1",
        (
            "决策地图里还没有决策层的人：买不买是组织行为，最后由决策层拍板。",
            "Nobody from the decision layer is mapped: buying is an organisational act, and the decision layer signs.",
        ),
        (
            "通过支持者或内线找到决策层，了解他们关心的方向、收益和风险，并记录到地图中。",
            "Reach the decision layer through a supporter or our coach, learn the direction, return and risk "
            "they care about, and map them.",
        ),
    ),
    _spec(
        "COV_DEPARTMENT_GAP",
        "warning",
        DEPARTMENT,
        "ch2.s2",
        (
            "地图中还没有{department}的任何人：我们不了解他们的需求和态度。",
            "Nobody from {department} is mapped: we do not know their needs or attitude.",
        ),
        (
            "找到{department}的相关人员，了解他们的需求。可以从这一点谈起：{point}",
            "Find the people in {department} and learn their needs. One point to open with: {point}",
        ),
    ),
    _spec(
        "COV_UNASSESSED",
        "warning",
        PERSON,
        "ch5",
        (
            "关键人物{who}（{role}）还没有态度评估。",
            "Key stakeholder {who}, {role}, has no attitude assessment.",
        ),
        (
            "先摸清他的态度：安排一次接触，记下他的原话和行为信号，再按九级态度评估。",
            "Find out their attitude: meet them, note their own words and behaviour signals, rate them on the nine levels.",
        ),
    ),
    _spec(
        "ATT_STALE",
        "info",
        PERSON,
        "ch5.s3 第二.四",
        (
            "关键人物{who}最近一次态度评估在{date}，已超过{days}天。",
            "Key stakeholder {who} was last assessed on {date}, more than {days} days ago.",
        ),
        (
            "没有人的态度是一直不变的：尽快重新接触并重新评估。",
            "Nobody's attitude stays the same: meet them again soon and reassess.",
        ),
    ),
    _spec(
        "SUP_DECISION_MAKER_NOT_SUPPORTIVE",
        "critical",
        PERSON,
        "ch5.s1 第一",
        (
            "拍板人{who}目前态度为{level}：销售能否赢，取决于客户内部支持我们的人能否赢。",
            "Decision maker {who} is at {level}: we win only if the people who back us inside win.",
        ),
        (
            "找出他最看重的组织利益和个人收益，{through}把他推到表示支持（+2）以上。",
            "Find the organisational interest and personal gain they value most and, {through}, "
            "bring them to supportive (+2) or better.",
        ),
    ),
    _spec(
        "SUP_POWERFUL_OPPONENT",
        "critical",
        PERSON,
        "ch5.s2 -3/-4",
        (
            "反对者{who}态度为{level}，权力{power}、权威{authority}：他有能力左右结果。",
            "Opponent {who} is at {level} with power {power} and authority {authority}: they can swing the outcome.",
        ),
        (
            "限制他能接触的信息，不要过度投入；让支持者在决策层面前抵消他的影响，用我方优势弥补劣势，靠整体相对优势赢单。",
            "Limit what they see and do not over-invest; let supporters offset them before the decision layer; "
            "offset our weaknesses with strengths and win on overall relative advantage.",
        ),
    ),
    _spec(
        "SUP_BALANCE_NEGATIVE",
        "critical",
        DEAL,
        "ch5.s1 第一.一",
        (
            "按影响力加权的支持度为{balance}（范围 -1 到 +1），小于0：客户内部反对我们的力量大于支持的力量。",
            "The influence-weighted balance is {balance} (on a scale of -1 to +1), below 0: those against us "
            "inside outweigh those for us.",
        ),
        (
            "优先把有影响力的中立者发展为支持者，并借支持者去影响其他人。",
            "First turn the influential neutrals into supporters, and use supporters to sway the others.",
        ),
    ),
    _spec(
        "SUP_NO_CHAMPION",
        "warning",
        DEAL,
        "ch5.s1 第二.一.3",
        (
            "还没有人达到大力支持（+3）以上：项目能否成功，取决于强有力的支持者。",
            "Nobody is at strong supporter (+3) or above: the deal depends on a strong supporter.",
        ),
        (
            "从现有支持者中选一位最有影响力的，帮他在内部赢，把他发展成大力支持者。",
            "Pick the most influential supporter, help them win inside and grow them into a strong supporter.",
        ),
    ),
    _spec(
        "SUP_NO_COACH",
        "warning",
        DEAL,
        "ch5.s1 第二.一.5",
        (
            "还没有内线：我们无法及时了解项目进展、竞争对手和内部人员的态度。",
            "We have no coach: we cannot follow progress, competitors and internal attitudes in time.",
        ),
        (
            "在支持者中培养内线，定期了解项目进展、竞争对手、内部人员态度和关键人物情况。",
            "Grow a coach among the supporters who keeps us posted on progress, competitors, internal attitudes "
            "and the key people.",
        ),
    ),
    _spec(
        "TIME_OPPONENT_OVERINVESTED",
        "warning",
        DEAL,
        "ch5.s1 第二.一.2",
        (
            "过去{days}天与反对者接触{opponent_count}人次，与支持者只有{supporter_count}人次：过多关注反对者会让支持者起疑。",
            "In the last {days} days, contacts with opponents: {opponent_count}; with supporters: only "
            "{supporter_count} — courting opponents makes supporters doubt us.",
        ),
        (
            "把时间转回支持者；对{opponents}控制投入，资源有限。",
            "Move the time back to supporters; cap the effort on {opponents} — our resources are limited.",
        ),
    ),
    _spec(
        "TIME_SUPPORTER_NEGLECTED",
        "warning",
        PERSON,
        "ch5.s1 第二.一.4",
        (
            "支持者{who}目前为{level}，{contact}。",
            "Supporter {who}, at {level}, {contact}.",
        ),
        (
            "不能因为他是支持者就怠慢他：近期安排一次沟通，同步进展、听取意见。",
            "Do not neglect a supporter: meet them soon, share progress and ask for their view.",
        ),
    ),
    _spec(
        "NEUTRALS_UNDEVELOPED",
        "warning",
        DEAL,
        "ch5.s1 第二.二",
        (
            "{neutrals}占已评估影响力的{share}%，但过去{days}天{none_contacted}。",
            "{neutrals} {share}% of the assessed influence, yet {none_contacted} in the last {days} days.",
        ),
        (
            "赢得中立者对最后决策起决定作用：尽快安排接触，找到项目和他们个人的关联。",
            "Winning the neutrals decides the outcome: meet them soon and find what the project means to each.",
        ),
    ),
    _spec(
        "ATT_DOUBLE_DEALING",
        "warning",
        PERSON,
        "ch5.s3 第二.四.1",
        (
            "支持者{who}和竞争者{competitor}关系较近（强度{strength}/3）：要警惕和我们好、同时也对别人好的人。",
            "Supporter {who} is close to competitor {competitor} (strength {strength}/3): beware those who are "
            "friendly to us and to others too.",
        ),
        (
            "别把核心信息都交给他，通过其他渠道交叉验证他提供的信息。",
            "Do not hand them our core information; cross-check what they tell us through other channels.",
        ),
    ),
    _spec(
        "ATT_INCONSISTENT",
        "warning",
        PERSON,
        "ch5.s3 第一",
        (
            "支持者{who}目前为{level}，但过去{days}天出现了：{signals}。他的支持可能是假的。",
            "Supporter {who}, at {level}, showed in the last {days} days: {signals}. The support may be fake.",
        ),
        (
            "看他做了什么而不是说了什么，核实真实态度；核实之前别让他接触核心信息。",
            "Judge by what they do, not what they say, and verify their real attitude; keep core information "
            "from them until then.",
        ),
    ),
    _spec(
        "ATT_DECLINING",
        "warning",
        PERSON,
        "ch5.s3 第二.三",
        ("{who}的态度在走低：{detail}。", "{who} is cooling towards us: {detail}."),
        (
            "每一次沟通都可能增减信任：弄清是压力、反驳还是诱惑让他变化，再针对性地弥补。",
            "Every contact adds or removes trust: find whether pressure, a rebuttal or a temptation moved them, "
            "and repair that.",
        ),
    ),
    _spec(
        "ATT_VOLATILE",
        "info",
        PERSON,
        "ch5.s3 第二",
        (
            "{who}近{days}天的态度在{low}和{high}之间摇摆。",
            "{who} swung between {low} and {high} in the last {days} days.",
        ),
        (
            "态度随此时、此刻、此人、此事而变：多找几个人交叉验证，按他做的而不是说的判断。",
            "Attitudes move with the moment, the person and the matter: cross-check with others and judge by "
            "deeds, not words.",
        ),
    ),
    _spec(
        "ATT_SENIOR_UNVERIFIED",
        "info",
        PERSON,
        "ch5.s3 第二.四.2",
        (
            "决策层的{who}评估为{level}，但最近一次评估既没有依据，也没有实际支持的行为。",
            "{who}, in the decision layer, is rated {level}, but the latest assessment has neither evidence nor "
            "a supporting behaviour.",
        ),
        (
            "级别越高越不轻易表态：用行动验证他的支持——是否透露内部信息、在内部推动、重大决策前与我们商量。",
            "The more senior, the less they show their hand: verify the support by deeds — do they share inside "
            "information, push for us, consult us before big moves?",
        ),
    ),
    _spec(
        "NEED_RESEARCH_INCOMPLETE",
        "warning",
        DEAL,
        "ch4",
        (
            "需求调研还有{count}个问题没有答案：{questions}",
            "Needs-research questions still unanswered ({count}): {questions}",
        ),
        (
            "向需求提出人和使用部门补齐这些答案。",
            "Get these answers from whoever proposed the need and from the user department.",
        ),
    ),
    _spec(
        "NEED_PERSONAL_WIN_UNKNOWN",
        "warning",
        PERSON,
        "ch1.s1 第四",
        (
            "还不知道关键人物{who}能从这次采购中获得什么个人收益。",
            "We do not know what key stakeholder {who} personally gains from this purchase.",
        ),
        (
            "弄清这次采购能帮他解决什么问题、带来什么收益，以及他最怕承担什么风险。",
            "Find out what problem it solves for them, what they gain, and which risk they fear most.",
        ),
    ),
    _spec(
        "NEED_PERSONAL_NEED_UNKNOWN",
        "info",
        PERSON,
        "ch3",
        (
            "还不清楚关键人物{who}的个人需求类型（安全、归属、尊重、自我实现）。",
            "Key stakeholder {who}'s personal need (safety, belonging, esteem, self-actualisation) is unknown.",
        ),
        (
            "留意他的行为线索：求稳、求领导认可、求被尊重还是求成就，再决定怎么谈。",
            "Watch the cues — safety, the leader's approval, esteem or achievement — before deciding how to pitch.",
        ),
    ),
    _spec(
        "OBJ_NOT_FOR_ME",
        "info",
        PERSON,
        "ch1.s1 第二",
        ("{who}的异议是“不适合我”{text}", "{who}'s objection is “not right for me”{text}"),
        (
            "用他个人能得到的收益和风险保障来回应，而不是讲产品。",
            "Answer with their own gain and risk cover, not with product arguments.",
        ),
    ),
    _spec(
        "PERS_ESTEEM_INCUMBENT_RISK",
        "warning",
        PERSON,
        "ch3.s3",
        (
            "我们是现有供应商，而关键人物{who}追求尊重：这类人可能故意不用老供应商来证明自己。",
            "We are the incumbent and key stakeholder {who} seeks esteem: such people may drop the old supplier "
            "to prove themselves.",
        ),
        (
            "给他一个“新”的理由，让他成为这次方案的主导者和功臣。",
            "Give them something new to champion and let them own, and get credit for, this solution.",
        ),
    ),
    _spec(
        "INF_NO_PATH",
        "warning",
        PERSON,
        "ch5.s1 第二.一.3",
        (
            "关键人物{who}目前为{level}，没有任何支持者能在两步之内影响到他。",
            "No supporter reaches key stakeholder {who}, at {level}, within two steps.",
        ),
        (
            "找出和他关系密切或能影响他的人，先把其中一位发展为支持者，再借他去影响。",
            "Find the people close to them or who sway them, win one of them over, and work through them.",
        ),
    ),
    _spec(
        "PERS_SAFETY_DELAY",
        "info",
        PERSON,
        "ch3.s1",
        (
            "关键人物{who}追求安全：预计他会推迟采购、过度谨慎、不出头表态。",
            "Key stakeholder {who} seeks safety: expect delay, over-caution and no public stand.",
        ),
        (
            "带上同行案例、权威认证和风险兜底承诺，给他公事公办的书面依据，别逼他表态。",
            "Bring peer cases, certifications and a risk-reversal promise; give them written grounds and never "
            "push them to take a stand.",
        ),
    ),
)

CATALOGUE: dict[str, FindingSpec] = {s.code: s for s in _SPECS}

#: COV_SINGLE_THREAD when nobody at all was contacted: "never hang the deal on one person" and
#: "ask current contacts for introductions" presume a contact (ch5.s1 第一.二).
SINGLE_THREAD_NOBODY = (
    Text(
        "过去{days}天还没有和客户的任何人接触过：买不买是一群人决定的，得先接触到他们。",
        "Nobody at the customer was contacted in the last {days} days: a group decides, and we have to reach it first.",
    ),
    Text(
        "先安排第一次接触——从已经认识的人或最容易约到的部门开始，再请他引荐决策层和其他部门。",
        "Arrange a first contact — with someone we know or the easiest department to meet — and ask them to "
        "introduce us to the decision layer and the other departments.",
    ),
)

#: SUP_POWERFUL_OPPONENT's action when the opponent sits in the decision layer: there is no decision
#: layer above them to offset them before, and they cannot be isolated; but the decision layer, too,
#: decides on the departments' analyses and comparisons (ch5.s1 第一.三).
POWERFUL_OPPONENT_AT_THE_TOP = Text(
    "他就在决策层，孤立不了，也别正面对抗：决策层也要靠相关部门的分析对比来拍板——让支持我们的部门在分析对比里"
    "讲清我方的整体相对优势，用我方优势弥补劣势；同时弄清他反对的真正原因（利益受损还是权力之争）。",
    "They sit in the decision layer, so they cannot be isolated — do not confront them either. The decision "
    "layer, too, decides on the departments' analyses and comparisons: let the departments that back us make "
    "our overall relative advantage plain there, offset our weaknesses with strengths, and find out why they "
    "really oppose us (their interests hurt, or a contest for power).",
)

#: Sort order of severities: critical first.
SEVERITY_RANK = {code: rank for rank, code in enumerate(SEVERITIES.codes)}

_LIST_SEPARATOR = Text("、", ", ")


def joined(items: list[Text], zh: str, en: str) -> Text:
    """Items joined with separators of one's choosing: questions that end in "？" need none in
    Chinese, and labels that hold a comma need "; " in English."""
    return Text(zh.join(i.zh for i in items), en.join(i.en for i in items))


def fill(template: Text, **values: object) -> Text:
    """Fill a zh/en template; Text values are taken per language, lists and tuples are joined."""
    if "{" not in template.zh and "{" not in template.en:
        return template
    zh: dict[str, str] = {}
    en: dict[str, str] = {}
    for key, value in values.items():
        zh[key], en[key] = _both(value)
    return Text(template.zh.format_map(zh), template.en.format_map(en))


def _both(value: object) -> tuple[str, str]:
    # exact type checks: this runs for every placeholder of every finding (see bench/engine.py)
    kind = type(value)
    if kind is str:
        return value, value  # type: ignore[return-value]
    if kind is Text:
        return value.zh, value.en  # type: ignore[attr-defined]
    if kind is tuple or kind is list:
        pairs = [_both(v) for v in value]  # type: ignore[attr-defined]
        return _LIST_SEPARATOR.zh.join(p[0] for p in pairs), _LIST_SEPARATOR.en.join(p[1] for p in pairs)
    text = str(value)
    return text, text


#: A department as a sentence names it ("Nobody from the user department is mapped").
DEPARTMENT_IN_SENTENCE: dict[str, Text] = {
    "executive": Text("决策层/总经办", "the executive office"),
    "purchasing": Text("采购部", "Purchasing"),
    "technical": Text("技术部", "the technical department"),
    "user": Text("使用部门", "the user department"),
    "finance": Text("财务部", "Finance"),
    "other": Text("其他部门", "another department"),
}
#: The four departments a deal needs (ch2.s2) as a short list names them ("采购、技术、使用、财务").
DEPARTMENT_SHORT: dict[str, Text] = {
    "purchasing": Text("采购", "purchasing"),
    "technical": Text("技术", "technical"),
    "user": Text("使用", "user"),
    "finance": Text("财务", "finance"),
}
#: A buying role as a sentence names it ("Key stakeholder 钱七, an evaluator, has …").
ROLE_IN_SENTENCE: dict[str, Text] = {
    "decision_maker": Text("拍板人", "the decision maker"),
    "approver": Text("审批人", "an approver"),
    "evaluator": Text("评估人", "an evaluator"),
    "influencer": Text("影响者", "an influencer"),
    "user": Text("使用者", "a user"),
    "gatekeeper": Text("把关者", "a gatekeeper"),
    "other": Text("其他角色", "in another buying role"),
}

#: Short phrases the engine puts into the placeholders above.
PHRASES: dict[str, Text] = {
    "nobody": Text("无", "nobody"),
    "contacted_none": Text("一位也没有", "nobody"),
    "contacted_one": Text("只有1位（{names}）", "only one person ({names})"),
    "contacted_some": Text("只有{count}位（{names}）", "only {count} people ({names})"),
    "through_supporters": Text(
        "借助能影响他的支持者（{names}）", "through supporters who can reach them ({names})"
    ),
    "through_supporter": Text(
        "借助能影响他的支持者（{names}）", "through a supporter who can reach them ({names})"
    ),
    "neutral_one": Text("中立者{names}", "The neutral {names} holds"),
    "neutral_some": Text("中立者（{names}）", "Neutrals ({names}) hold"),
    "none_contacted_one": Text("没有和他接触", "they were not contacted"),
    "none_contacted_some": Text("没有和其中任何一位接触", "none of them was contacted"),
    "opponent_one": Text("反对者（{names}）", "the opponent ({names})"),
    "opponent_some": Text("反对者（{names}）", "opponents ({names})"),
    "objection_text": Text("：{text}", ": {text}"),
    "power_unknown": Text("未知", "unknown"),
    "through_none_yet": Text(
        "借助能影响他的支持者（目前还没有，先找到或培养一位）",
        "through a supporter who can reach them (there is none yet: find or win one first)",
    ),
    "not_contacted_since": Text(
        "已超过{days}天没有接触，上次接触在{last}",
        "has not been contacted for over {days} days (last contact: {last})",
    ),
    "never_contacted": Text("还从来没有接触过", "has never been contacted"),
    "decline_level": Text(
        "近{days}天最高为{peak}，现在为{level}", "down from {peak} to {level} within {days} days"
    ),
    "decline_trust": Text("近{days}天信任值累计{trust}", "trust changes add up to {trust} over {days} days"),
    "who": Text("{title}{name}", "{name} ({title})"),
}
