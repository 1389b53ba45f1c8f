"""Write deals to a workbook in exactly the import layout, so an export re-imports cleanly.

Codes are written as their labels in the workbook's language (the reader takes codes and either
language's labels), levels and scores as numbers, dates as dates. Text that a spreadsheet would run
as a formula (starting with = + - @, tab or CR) — and text starting with an apostrophe — gets one
leading apostrophe, which the reader removes again.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from dealmap.engine.model import Account, Deal, Relation, Stakeholder
from dealmap.interchange.names import LIST_SEPARATORS
from dealmap.interchange.sheets import (
    EXAMPLE_MARKERS,
    GUIDE,
    LIST_JOIN,
    LISTS_SHEET,
    MAX_FILE_BYTES,
    MAX_ROWS_PER_SHEET,
    SHEETS,
    Column,
    Sheet,
)
from dealmap.interchange.xlsx_read import FORMULA_TRIGGERS
from dealmap.interchange.xmltext import xml_safe
from dealmap.method.codes import RESEARCH_QUESTIONS

_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_EXAMPLE_FONT = Font(italic=True, color="808080")
_YES = {"zh": ("是", "否"), "en": ("yes", "no")}


def escape(text: str) -> str:
    """Neutralise a cell against formula injection: one apostrophe before = + - @ tab CR or '.
    Characters a workbook cannot hold (control characters, lone surrogates) are left out."""
    text = xml_safe(text)
    if text and (text[0] in FORMULA_TRIGGERS or text[0] == "'"):
        return "'" + text
    return text


class _Refs:
    """How one account's people are referred to: by name, or by ID when the name would not read
    back as that one person — two share it, it holds a list separator (a participants cell is split
    at them: "Alice; Bob" would be two people) or spaces at either end (the reader strips them)."""

    def __init__(self, people: Iterable[Stakeholder]):
        names: dict[str, int] = {}
        self.name_of: dict[str, str] = {}
        for p in people:
            if p.id not in self.name_of:
                self.name_of[p.id] = p.name
                names[p.name] = names.get(p.name, 0) + 1
        self.by_id = {n for n, count in names.items() if count > 1 or not _reads_back(n)}

    def __call__(self, key: str | None) -> str:
        if key is None:
            return ""
        name = self.name_of.get(key, key)
        return key if name in self.by_id else name


def _reads_back(name: str) -> bool:
    """Whether a name written in a reference cell is read back as exactly that name."""
    return name == name.strip() and not any(sep in name for sep in LIST_SEPARATORS)


@dataclass(frozen=True)
class Roster:
    """Everyone stored at an account and how they relate, whether or not an exported deal includes
    them: the People sheet lists a whole account, so a reporting line to someone outside the deal
    (or an account with no deal yet) survives an export and re-import. Only the person fields of
    each :class:`Stakeholder` are written; their part in a deal comes from the deals."""

    account: Account
    people: tuple[Stakeholder, ...] = ()
    relations: tuple[Relation, ...] = ()


def _rows(
    deals: Sequence[Deal], lang: str, rosters: Sequence[Roster] = ()
) -> dict[str, list[dict[str, Any]]]:
    """Every sheet's rows as field-key → value, from the rosters and the deals (accounts and people
    merged; a roster's person, who knows their whole reporting line, wins over a deal's)."""
    out: dict[str, list[dict[str, Any]]] = {s.key: [] for s in SHEETS}
    accounts: dict[str, Any] = {}
    people: dict[str, dict[str, Stakeholder]] = {}
    for roster in rosters:
        accounts.setdefault(roster.account.name, roster.account)
        group = people.setdefault(roster.account.name, {})
        for p in roster.people:
            group.setdefault(p.id, p)
    for deal in deals:
        accounts.setdefault(deal.account.name, deal.account)
        group = people.setdefault(deal.account.name, {})
        for p in deal.stakeholders:
            group.setdefault(p.id, p)
    refs = {name: _Refs(group.values()) for name, group in people.items()}
    for account in accounts.values():
        out["accounts"].append(
            {"account": account.name, "industry": account.industry, "notes": account.notes}
        )
    for deal in deals:
        out["deals"].append(_deal_row(deal))
    for name, group in people.items():
        for p in group.values():
            out["people"].append(_person_row(name, p, refs[name]))
    seen_relations: set[tuple] = set()

    def relation(a: str, r: Relation) -> None:
        if (a, r.source, r.target, r.kind) not in seen_relations:
            seen_relations.add((a, r.source, r.target, r.kind))
            ref = refs[a]
            out["relations"].append(
                {"account": a, "source": ref(r.source), "target": ref(r.target), "kind": r.kind}
                | {"strength": r.strength}
            )

    for roster in rosters:
        for r in roster.relations:
            relation(roster.account.name, r)
    for deal in deals:
        a, d, ref = deal.account.name, deal.opportunity.name, refs[deal.account.name]
        for p in deal.stakeholders:
            out["parts"].append(_part_row(a, d, p, ref))
        for r in deal.relations:
            relation(a, r)
        # By date, keeping the file's order within a day (the tie-break): the order the database returns.
        for x in sorted(deal.assessments, key=lambda x: x.date):
            out["assessments"].append(
                {"account": a, "deal": d, "person": ref(x.stakeholder), "date": x.date, "level": x.level}
                | {"evidence": x.evidence, "signals": x.signals}
            )
        for i in sorted(deal.interactions, key=lambda i: i.date):
            out["interactions"].append(
                {"account": a, "deal": d, "date": i.date, "participants": tuple(map(ref, i.stakeholders))}
                | {
                    "channel": i.channel,
                    "summary": i.summary,
                    "trust_delta": i.trust_delta,
                    "signals": i.signals,
                }
            )
    return out


def _deal_row(deal: Deal) -> dict[str, Any]:
    o = deal.opportunity
    row = {
        "account": deal.account.name,
        "deal": o.name,
        "stage": o.stage,
        "amount": o.amount,
        "currency": o.currency,
        "expected_close": o.expected_close,
        "we_are_incumbent": o.we_are_incumbent,
        "competitors": o.competitors,
    }
    for code in RESEARCH_QUESTIONS.codes:
        row[f"research_{code}"] = getattr(o.research, code)
    return row


def _person_row(account: str, p: Stakeholder, ref: _Refs) -> dict[str, Any]:
    return {
        "account": account,
        "id": p.id,
        "name": p.name,
        "title": p.title,
        "layer": p.layer,
        "department": p.department,
        "reports_to": ref(p.reports_to),
        "personal_need": p.personal_need,
        "change_style": p.change_style,
        "notes": p.notes,
    }


def _part_row(account: str, deal: str, p: Stakeholder, ref: _Refs) -> dict[str, Any]:
    return {
        "account": account,
        "deal": deal,
        "person": ref(p.id),
        "buying_role": p.buying_role,
        "power": p.power,
        "authority": p.authority,
        "personal_wins": p.personal_wins,
        "objection_kind": p.objection.kind if p.objection else None,
        "objection_text": p.objection.text if p.objection else "",
        "is_coach": p.is_coach,
        "competitor_affinity": tuple((a.competitor, a.strength) for a in p.competitor_affinity),
    }


def cell_value(col: Column, value: Any, lang: str) -> Any:
    """What one field looks like in a cell of the layout."""
    kind = col.kind
    if value is None or value == "" or value == ():
        return None
    if kind in ("int", "number", "date"):
        return value
    if kind == "bool":
        return _YES[lang][0] if value else _YES[lang][1]
    if kind in ("code", "channel"):
        return escape(col.vocabulary.label(value, lang) or value)
    if kind == "codes":
        return escape(LIST_JOIN.join(col.vocabulary.label(v, lang) for v in value))
    if kind in ("refs", "list"):
        return escape(LIST_JOIN.join(value))
    if kind == "affinity":
        return escape(LIST_JOIN.join(f"{name}:{strength}" for name, strength in value))
    return escape(str(value))


def write_workbook(
    deals: Sequence[Deal], *, lang: str = "zh", example: bool = False, rosters: Sequence[Roster] = ()
) -> bytes:
    """The deals (and ``rosters``: the whole of their accounts, and accounts without a deal) as an
    .xlsx in the import layout (with a guide sheet and drop-down lists)."""
    book = Workbook()
    book.properties.creator = book.properties.lastModifiedBy = "DealMap"  # not "openpyxl"
    guide = book.active
    guide.title = GUIDE.get(lang)
    _write_guide(guide, lang)
    lists = _write_lists(book, lang)
    rows = _rows(deals, lang, rosters)
    for sheet in SHEETS:
        ws = book.create_sheet(sheet.name(lang))
        _write_sheet(ws, sheet, rows[sheet.key], lang, lists, example)
    book.move_sheet(LISTS_SHEET, offset=len(SHEETS))  # the hidden lists go last
    book.active = 1  # the accounts sheet
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_sheet(ws, sheet: Sheet, rows: list[dict], lang: str, lists: dict[str, str], example: bool) -> None:
    for index, col in enumerate(sheet.columns, start=1):
        cell = ws.cell(row=1, column=index, value=col.title(lang))
        cell.font, cell.fill = _HEADER_FONT, _HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        hint = col.hint.get(lang) if col.hint else ""
        if col.required:
            hint = ("必填。" if lang == "zh" else "Required. ") + hint
        if hint:
            cell.comment = Comment(hint, "DealMap")
        ws.column_dimensions[get_column_letter(index)].width = col.width
    ws.freeze_panes = "A2"
    for number, row in enumerate(rows, start=2):
        for index, col in enumerate(sheet.columns, start=1):
            value = cell_value(col, row.get(col.key), lang)
            if value is None:
                continue
            cell = ws.cell(row=number, column=index, value=value)
            if isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            if example:
                cell.font = _EXAMPLE_FONT
    _validations(ws, sheet, lang, lists)


def _validations(ws, sheet: Sheet, lang: str, lists: dict[str, str]) -> None:
    last = MAX_ROWS_PER_SHEET + 1
    for index, col in enumerate(sheet.columns, start=1):
        letter = get_column_letter(index)
        span = f"{letter}2:{letter}{last}"
        rule = None
        if col.kind in ("code", "channel") and col.vocabulary.name in lists:
            rule = DataValidation(type="list", formula1=lists[col.vocabulary.name], allow_blank=True)
            rule.showErrorMessage = col.kind == "code"
        elif col.kind == "bool":
            rule = DataValidation(type="list", formula1='"{},{}"'.format(*_YES[lang]), allow_blank=True)
        elif col.kind == "int" and col.low is not None:
            rule = DataValidation(
                type="whole",
                operator="between",
                formula1=str(col.low),
                formula2=str(col.high),
                allow_blank=True,
            )
            rule.showErrorMessage = True
        if rule is not None:
            rule.error = col.hint.get(lang) if col.hint else None
            rule.add(span)
            ws.add_data_validation(rule)


def _write_lists(book: Workbook, lang: str) -> dict[str, str]:
    """A hidden sheet with one column of labels per vocabulary; returns each list's range formula."""
    ws = book.create_sheet(LISTS_SHEET)
    ws.sheet_state = "hidden"
    formulas: dict[str, str] = {}
    vocabularies = {c.vocabulary.name: c.vocabulary for s in SHEETS for c in s.columns if c.vocabulary}
    for index, vocabulary in enumerate(vocabularies.values(), start=1):
        letter = get_column_letter(index)
        for number, entry in enumerate(vocabulary, start=1):
            ws.cell(row=number, column=index, value=entry.label.get(lang))
        formulas[vocabulary.name] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$1:${letter}${len(vocabulary)}"
    return formulas


_GUIDE_TEXT = {
    "zh": [
        "DealMap 工作簿：填写与导入说明",
        "每个工作表第一行是列名（中文或英文均可，顺序不限）；必填列在列名批注中注明。",
        "读取顺序：客户 → 商机 → 联系人 → 商机角色 → 关系 → 态度评估 → 接触记录；后面的表只能引用前面的表或系统中已有的数据。",
        "匹配规则：客户按名称（在你的客户中）匹配，商机和联系人按名称在客户内匹配；匹配到则更新，否则新建。"
        "同名的人请填写“编号”。",
        "代码列（层级、部门、采购角色等）可选下拉中的中文、英文名称或代码。态度为 -4 到 +4 的整数。",
        "多项（竞争对手、参与人、行为信号）用分号；分隔；竞争对手倾向写作 竞争对手：0-3。",
        f"以 {EXAMPLE_MARKERS[0]} 开头的客户所在的行是示例，导入时会被跳过；可直接改写或删除。",
        "不接受公式。以 = + - @ 开头的文本在导出时前面会加一个 '，导入时自动去掉。",
        f"限制：每个工作表最多 {MAX_ROWS_PER_SHEET:,} 行，文件最大 {MAX_FILE_BYTES // (1024 * 1024)} MB。"
        "任何一行有错误时，整个文件都不会写入。",
    ],
    "en": [
        "DealMap workbook: how to fill it in and import it",
        "Row 1 of each sheet holds the column names (Chinese or English, any order); required columns "
        "say so in their header comment.",
        "Sheets are read in this order: Accounts → Deals → People → Deal parts → Relations → Assessments → "
        "Interactions; a row may refer to earlier sheets or to what is already stored.",
        "Matching: accounts by name among yours, deals and people by name within their account; a match is "
        "updated, anything else created. Give people who share a name an ID.",
        "Code columns (layer, department, buying role…) take the drop-down's Chinese or English label, or "
        "the code. Attitude is a whole number from -4 to +4.",
        "Separate several items (competitors, participants, signals) with ;. Competitor affinity reads "
        "competitor:0-3.",
        f"Rows whose account starts with {EXAMPLE_MARKERS[1]} are examples and are skipped.",
        "Formulas are not accepted. Text starting with = + - @ is exported with a leading ' that the "
        "importer removes.",
        f"Limits: {MAX_ROWS_PER_SHEET:,} rows per sheet, {MAX_FILE_BYTES // (1024 * 1024)} MB per file. "
        "If any row has an error, nothing from the file is stored.",
    ],
}


def _write_guide(ws, lang: str) -> None:
    ws.column_dimensions["A"].width = 120
    for number, line in enumerate(_GUIDE_TEXT[lang], start=1):
        cell = ws.cell(row=number, column=1, value=line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if number == 1:
            cell.font = Font(bold=True, size=14)
