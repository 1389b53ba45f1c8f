"""The spreadsheet layout shared by the template, the importer and the exporter.

One workbook holds seven sheets, always read in this order so that a row only refers to rows of
earlier sheets: accounts, deals, people, deal parts, relations, assessments, interactions.
Headers are written in the workbook's language; the reader accepts the Chinese header, the English
header or the field key, in any column order. Rows are matched to the database by name: accounts by
name for the importing user, deals and people by name within their account.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from dealmap.method.codes import (
    AFFINITY_MAX,
    AFFINITY_MIN,
    BUYING_ROLES,
    CHANGE_STYLES,
    CHANNELS,
    DEPARTMENTS,
    LAYERS,
    LEVEL_MAX,
    LEVEL_MIN,
    OBJECTION_KINDS,
    PERSONAL_NEEDS,
    POWER_MAX,
    POWER_MIN,
    RELATION_KINDS,
    RELATION_STRENGTH_MAX,
    RELATION_STRENGTH_MIN,
    RESEARCH_QUESTIONS,
    SIGNALS,
    TRUST_DELTA_MAX,
    TRUST_DELTA_MIN,
    Text,
    Vocabulary,
)

#: Most data rows one sheet may hold (the header row not counted).
MAX_ROWS_PER_SHEET = 100_000
#: Largest upload accepted, in bytes.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Rows whose account cell starts with one of these are the template's examples and are skipped.
EXAMPLE_MARKERS = ("【示例】", "[Example]")
#: The exporter writes between list items.
LIST_JOIN = "; "


@dataclass(frozen=True)
class Column:
    """One column: its field key, headers in both languages, and how its cells are read.

    kind is one of: text, name, int, number, code, codes, date, bool, ref, refs, list, affinity, channel.
    """

    key: str
    header: Text
    kind: str = "text"
    required: bool = False
    vocabulary: Vocabulary | None = None
    low: int | None = None
    high: int | None = None
    width: int = 16
    hint: Text | None = None
    limit: int | None = None  # most characters a text cell may hold (what the database stores)

    def title(self, lang: str) -> str:
        return self.header.get(lang)


@dataclass(frozen=True)
class Sheet:
    key: str
    title: Text
    columns: tuple[Column, ...]

    def name(self, lang: str) -> str:
        return self.title.get(lang)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def _col(key, zh, en, kind="text", **kw) -> Column:
    return Column(key, Text(zh, en), kind, **kw)


_LIST_HINT = Text("多项用分号；分隔", "separate several with ;")
_REF_HINT = Text("填姓名；同名时填编号", "the person's name; their ID when two share a name")

ACCOUNT = _col("account", "客户名称", "Account", "name", required=True, width=26)
DEAL = _col("deal", "商机名称", "Deal", "name", required=True, width=24)

ACCOUNTS = Sheet(
    "accounts",
    Text("客户", "Accounts"),
    (
        ACCOUNT,
        _col("industry", "行业", "Industry", width=20, limit=200),
        _col("notes", "备注", "Notes", width=40),
    ),
)

DEALS = Sheet(
    "deals",
    Text("商机", "Deals"),
    (
        ACCOUNT,
        DEAL,
        _col("stage", "阶段", "Stage", limit=100),
        _col("amount", "金额", "Amount", "number", width=14),
        _col("currency", "币种", "Currency", width=8, limit=3),
        _col("expected_close", "预计成交日期", "Expected close", "date", width=14),
        _col("we_are_incumbent", "我方是现有供应商", "We are the incumbent", "bool", width=10),
        _col("competitors", "竞争对手", "Competitors", "list", width=24, hint=_LIST_HINT),
        *(
            Column(f"research_{q.code}", q.label, "text", width=30)
            for q in RESEARCH_QUESTIONS  # the seven needs-research questions (ch4)
        ),
    ),
)

PEOPLE = Sheet(
    "people",
    Text("联系人", "People"),
    (
        ACCOUNT,
        _col(
            "id",
            "编号",
            "ID",
            "name",
            width=8,
            hint=Text("留空则自动编号", "left empty, one is assigned"),
        ),
        _col("name", "姓名", "Name", "name", required=True, width=12),
        _col("title", "职务", "Title", width=18, limit=200),
        _col("layer", "层级", "Layer", "code", required=True, vocabulary=LAYERS, width=12),
        _col("department", "部门", "Department", "code", required=True, vocabulary=DEPARTMENTS, width=14),
        _col("reports_to", "汇报对象", "Reports to", "ref", width=12, hint=_REF_HINT),
        _col("personal_need", "个人需求", "Personal need", "code", vocabulary=PERSONAL_NEEDS, width=12),
        _col("change_style", "变革风格", "Change style", "code", vocabulary=CHANGE_STYLES, width=16),
        _col("notes", "备注", "Notes", width=30),
    ),
)

PARTS = Sheet(
    "parts",
    Text("商机角色", "Deal parts"),
    (
        ACCOUNT,
        DEAL,
        _col("person", "姓名", "Name", "ref", required=True, width=12, hint=_REF_HINT),
        _col(
            "buying_role", "采购角色", "Buying role", "code", required=True, vocabulary=BUYING_ROLES, width=12
        ),
        _col("power", "权力", "Power", "int", low=POWER_MIN, high=POWER_MAX, width=8),
        _col("authority", "权威", "Authority", "int", low=POWER_MIN, high=POWER_MAX, width=8),
        _col("personal_wins", "个人收益", "Personal wins", width=30),
        _col("objection_kind", "异议类型", "Objection kind", "code", vocabulary=OBJECTION_KINDS, width=12),
        _col("objection_text", "异议内容", "Objection", width=30),
        _col("is_coach", "内线", "Coach", "bool", width=8),
        _col(
            "competitor_affinity",
            "竞争对手倾向",
            "Competitor affinity",
            "affinity",
            width=24,
            low=AFFINITY_MIN,
            high=AFFINITY_MAX,
            hint=Text("竞争对手：0-3，多项用分号分隔", "competitor:0-3, separate several with ;"),
        ),
    ),
)

RELATIONS = Sheet(
    "relations",
    Text("关系", "Relations"),
    (
        ACCOUNT,
        _col("source", "从", "From", "ref", required=True, width=12, hint=_REF_HINT),
        _col("target", "到", "To", "ref", required=True, width=12, hint=_REF_HINT),
        _col("kind", "关系类型", "Kind", "code", required=True, vocabulary=RELATION_KINDS, width=12),
        _col(
            "strength",
            "强度",
            "Strength",
            "int",
            low=RELATION_STRENGTH_MIN,
            high=RELATION_STRENGTH_MAX,
            width=8,
        ),
    ),
)

ASSESSMENTS = Sheet(
    "assessments",
    Text("态度评估", "Assessments"),
    (
        ACCOUNT,
        DEAL,
        _col("person", "姓名", "Name", "ref", required=True, width=12, hint=_REF_HINT),
        _col("date", "日期", "Date", "date", required=True, width=12),
        _col(
            "level",
            "态度",
            "Attitude",
            "int",
            required=True,
            low=LEVEL_MIN,
            high=LEVEL_MAX,
            width=8,
            hint=Text("-4（势不两立）到 +4（坚决拥护）", "-4 (irreconcilable) to +4 (fully committed)"),
        ),
        _col("evidence", "依据", "Evidence", width=36),
        _col("signals", "行为信号", "Signals", "codes", vocabulary=SIGNALS, width=24, hint=_LIST_HINT),
    ),
)

INTERACTIONS = Sheet(
    "interactions",
    Text("接触记录", "Interactions"),
    (
        ACCOUNT,
        DEAL,
        _col("date", "日期", "Date", "date", required=True, width=12),
        _col("participants", "参与人", "Participants", "refs", required=True, width=18, hint=_LIST_HINT),
        _col("channel", "渠道", "Channel", "channel", vocabulary=CHANNELS, width=10),
        _col("summary", "摘要", "Summary", width=40),
        _col(
            "trust_delta",
            "信任变化",
            "Trust change",
            "int",
            low=TRUST_DELTA_MIN,
            high=TRUST_DELTA_MAX,
            width=8,
        ),
        _col("signals", "行为信号", "Signals", "codes", vocabulary=SIGNALS, width=24, hint=_LIST_HINT),
    ),
)

SHEETS: tuple[Sheet, ...] = (ACCOUNTS, DEALS, PEOPLE, PARTS, RELATIONS, ASSESSMENTS, INTERACTIONS)
SHEET_BY_KEY = {s.key: s for s in SHEETS}
GUIDE = Text("说明", "Guide")
LISTS_SHEET = "_lists"


def normalise(label: object) -> str:
    """A header or sheet name reduced for matching: case, spaces, '*', '?' and full- or half-width
    forms ignored ("谁提出的这个需求\uff1f" and "谁提出的这个需求?", "权力\uff081-5\uff09" and "权力(1-5)")."""
    text = unicodedata.normalize("NFKC", str(label or "")).strip().lower().replace("*", "").replace("?", "")
    return "".join(text.split())


#: Chinese names earlier templates and exports used, read still: the web's words replaced them.
FORMER_NAMES = {"联系人": "人员", "接触记录": "互动", "个人收益": "个人赢"}


def _aliases(header: Text, key: str) -> set[str]:
    names = {
        normalise(header.zh),
        normalise(header.en),
        normalise(key),
        normalise(f"{header.zh}/{header.en}"),
    }
    if (former := FORMER_NAMES.get(header.zh)) is not None:
        names |= {normalise(former), normalise(f"{former}/{header.en}")}
    return names


#: Per sheet key: normalised header → column.
HEADER_ALIASES: dict[str, dict[str, Column]] = {
    sheet.key: {alias: col for col in sheet.columns for alias in _aliases(col.header, col.key)}
    for sheet in SHEETS
}
#: Normalised sheet name → sheet.
SHEET_ALIASES: dict[str, Sheet] = {
    alias: sheet for sheet in SHEETS for alias in _aliases(sheet.title, sheet.key)
}
