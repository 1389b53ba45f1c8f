"""The `dealmap/1` deal file: read with full validation, write back, compare canonically.

A file that breaks the contract is rejected whole: `load_deal` collects every problem with its
JSON path (`stakeholders[3].level`) before it raises, so a user fixes the file in one pass.
The reader is on the hot path of `dealmap analyze`, so each record is checked by a small
specialised function rather than a generic schema walk.
"""

from __future__ import annotations

import errno
import json
import math
import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

import orjson

from dealmap.engine.model import (
    Account,
    Assessment,
    CompetitorAffinity,
    Deal,
    Interaction,
    Objection,
    Opportunity,
    Relation,
    Research,
    Stakeholder,
)
from dealmap.interchange.amounts import amount_problem
from dealmap.interchange.names import blank, separator_in, tidy
from dealmap.method.codes import (
    AFFINITY_MAX,
    AFFINITY_MIN,
    BUYING_ROLES,
    CHANGE_STYLES,
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
)

FORMAT = "dealmap/1"


@dataclass(frozen=True)
class Problem:
    """One way a deal file breaks the contract, at one JSON path."""

    path: str
    message: Text

    def render(self, lang: str = "zh") -> str:
        return f"{self.path}: {self.message.get(lang)}" if self.path else self.message.get(lang)


class DealFileError(ValueError):
    """The file breaks the contract; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(format_problems(problems, "en"))


def format_problems(problems: Iterable[Problem], lang: str = "zh") -> str:
    """One line per problem: `path: message`."""
    return "\n".join(p.render(lang) for p in problems)


# -- messages -------------------------------------------------------------------------------

_TYPE_NAMES = {
    "string": ("文本", "a string"),
    "integer": ("整数", "a whole number"),
    "number": ("数字", "a number"),
    "boolean": ("布尔值（true 或 false）", "true or false"),
    "list": ("列表", "a list"),
    "object": ("对象", "an object"),
    "date": ("日期（YYYY-MM-DD 格式）", "a date as YYYY-MM-DD"),
}


def _must_be(kind: str) -> Text:
    zh, en = _TYPE_NAMES[kind]
    return Text(f"必须是{zh}", f"must be {en}")


def _between(low: int, high: int) -> Text:
    return Text(f"必须在 {low} 到 {high} 之间", f"must be between {low} and {high}")


def _one_of(codes: Iterable[str]) -> Text:
    listed = ", ".join(codes)
    return Text(f"必须是以下之一：{listed}", f"must be one of: {listed}")


UNKNOWN_KEY = Text(
    "未知字段（拼写错误会导致数据丢失，因此不予接受）", "unknown key (a typo must not silently drop data)"
)
TOO_DEEP = Text("不是有效的商机文件：嵌套层数过多", "is not a deal file: nested far too deeply")
REQUIRED = Text("缺少必填字段", "is required")
NOT_EMPTY = Text("不能为空", "must not be empty")
#: A name that holds only spaces or invisible characters (a zero-width space): it looks filled in.
NO_VISIBLE_NAME = Text(
    "不能为空：只有空格或不可见字符（如零宽空格）不算名称",
    "must not be empty: spaces and invisible characters (such as a zero-width space) alone are no name",
)
WRONG_FORMAT = Text(f'必须是 "{FORMAT}"', f'must be "{FORMAT}"')
REPEATED = Text("重复出现", "is listed more than once")
SELF_RELATION = Text("关系的两端必须是不同的人", "a relation needs two different people")
SELF_REPORT = Text("不能向自己汇报", "a person cannot report to themselves")


def _not_json(exc: ValueError, text: str | bytes = b"") -> Text:
    """A syntax error has no JSON path: where it is goes into the message, in the reader's language.

    A file that is no JSON at all says what it is instead: empty, or an Excel workbook (a zip).
    """
    head = text[:4] if isinstance(text, bytes) else text[:4].encode("utf-8", "replace")
    if head.startswith(b"PK\x03\x04"):
        return Text(
            "这是一个 Excel 工作簿（.xlsx 等 zip 文件），不是商机文件：工作簿请用 dealmap import 或网页的导入页",
            "this file is an Excel workbook (a zip), not a deal file: import a workbook with dealmap import "
            "or the web's Import page",
        )
    if not text.strip():
        return Text("文件是空的：商机文件是一个 JSON 对象", "the file is empty: a deal file is a JSON object")
    if not isinstance(exc, json.JSONDecodeError):
        return Text(
            "文件不是 UTF-8 文本，所以不是商机文件（JSON）",
            "the file is not UTF-8 text, so not a deal file (JSON)",
        )
    line, column = exc.lineno, exc.colno
    return Text(
        f"第 {line} 行第 {column} 列：不是有效的 JSON", f"line {line}, column {column}: not valid JSON"
    )


#: A lone UTF-16 surrogate: JSON's `\\ud800` escape can write one, but it is no character.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _not_text(value: str) -> Text:
    """A string (or a key) holding a lone surrogate: shown as the file writes it, `\\ud800`."""
    escape = _escaped(_SURROGATE.search(value).group())
    return Text(
        f"不是有效的文本：含有落单的 UTF-16 代理项 {escape}（它不是字符，无法显示或保存）",
        f"is not valid text: holds a lone UTF-16 surrogate {escape} (no character; cannot be shown or stored)",
    )


def _escaped(text: str) -> str:
    """The text with each lone surrogate written as its JSON escape, so that it can be printed."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


#: The reason of an OS error in Chinese, for the errors a reader is likely to meet; any other
#: keeps the system's own (English) words.
_OS_REASONS_ZH = {
    errno.ENOENT: "没有这个文件或目录",
    errno.EACCES: "没有权限",
    errno.EPERM: "不允许这样操作",
    errno.EISDIR: "这是一个目录",
    errno.ENOTDIR: "路径中有一段不是目录",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出了磁盘配额",
    errno.EROFS: "文件系统是只读的",
    errno.EEXIST: "文件已经存在",
    errno.EFBIG: "文件太大",
    errno.ENAMETOOLONG: "文件名太长",
    errno.ELOOP: "符号链接层数太多（可能形成了循环）",
    errno.EMFILE: "打开的文件太多",
    errno.ENFILE: "系统中打开的文件太多",
    errno.EIO: "读写设备时出错",
    errno.EBUSY: "设备或资源正忙",
    errno.ETXTBSY: "文件正在被使用",
    errno.EPIPE: "管道的另一端已关闭",
    errno.ENXIO: "没有这个设备或地址",
    errno.ENODEV: "没有这个设备",
    errno.EINVAL: "参数无效",
    errno.EAGAIN: "资源暂时不可用",
    errno.EBADF: "文件描述符无效（可能已关闭）",
}


def os_reason(exc: OSError) -> Text:
    """Why an OS call failed, in both languages: Chinese for the common errors (`_OS_REASONS_ZH`),
    the system's own English words otherwise and always in English."""
    english = exc.strerror or str(exc)
    return Text(_OS_REASONS_ZH.get(exc.errno, english), english)


def _cannot_read(source: str, exc: OSError) -> Problem:
    reason = os_reason(exc)
    if source == "-":
        return Problem("", Text(f"无法读取标准输入：{reason.zh}", f"cannot read standard input: {reason.en}"))
    return Problem("", Text(f"无法读取文件 {source}：{reason.zh}", f"cannot read {source}: {reason.en}"))


def _duplicate_id(value: str, first: str) -> Text:
    return Text(f"重复的 id '{value}'（首次出现在 {first}）", f"duplicate id '{value}' (first at {first})")


def _unknown_person(value: str) -> Text:
    return Text(f"引用了不存在的联系人 '{value}'", f"refers to unknown stakeholder '{value}'")


def _reporting_cycle(ids: list[str]) -> Text:
    chain = " → ".join(ids)
    return Text(f"汇报关系形成了循环：{chain}", f"the reporting line forms a cycle: {chain}")


def _duplicate_relation(first: str) -> Text:
    return Text(f"与 {first} 的关系重复", f"repeats the relation at {first}")


def _holds_separator(separator: str) -> Text:
    """A competitor's name holding a list separator: the workbook would read it back as two names."""
    zh, en = ("换行", "a line break") if separator == "\n" else (f"“{separator}”", f"“{separator}”")
    return Text(
        f"竞争对手名称不能含有{zh}：工作簿用它分隔名称",
        f"a competitor's name cannot contain {en}: the workbook uses it to separate names",
    )


# -- the checker ------------------------------------------------------------------------------


class _Checker:
    """Collects problems while reading plain JSON values into typed values."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self._dates: dict[str, date] = {}

    def add(self, path: str, message: Text) -> None:
        self.problems.append(Problem(path, message))

    def keys(self, obj: Any, path: str, allowed: frozenset[str], required: Iterable[str] = ()) -> bool:
        """Check that obj is an object with only allowed keys and all required ones."""
        if not isinstance(obj, dict):
            self.add(path, _must_be("object"))
            return False
        if not allowed.issuperset(obj):
            for key in obj:
                if key not in allowed:
                    self.add(_join(path, key), UNKNOWN_KEY)
        for key in required:
            if key not in obj:
                self.add(_join(path, key), REQUIRED)
        return True

    def text(self, obj: dict, key: str, path: str, *, required: bool = False) -> str:
        value = obj.get(key)
        if type(value) is str:
            if required and not value.strip():
                self.add(_join(path, key), NOT_EMPTY)
            return value
        if value is None:
            if required and key in obj:
                self.add(_join(path, key), NOT_EMPTY)
            return ""
        self.add(_join(path, key), _must_be("string"))
        return ""

    def name(self, obj: dict, key: str, path: str) -> str:
        """A required name, stored tidy: one of only spaces or format characters (a zero-width
        space) shows nothing, so it is no name, as on the web pages and in the API."""
        value = obj.get(key)
        if type(value) is not str:
            return self.text(obj, key, path, required=True)
        if blank(value):
            self.add(_join(path, key), NO_VISIBLE_NAME if value else NOT_EMPTY)
            return ""
        return tidy(value)

    def integer(self, obj: dict, key: str, path: str, low: int, high: int, *, required: bool = False):
        value = obj.get(key)
        if type(value) is int:
            if low <= value <= high:
                return value
            self.add(_join(path, key), _between(low, high))
            return None
        if value is None:
            if required and key in obj:
                self.add(_join(path, key), REQUIRED)
            return None
        self.add(_join(path, key), _must_be("integer"))
        return None

    def boolean(self, obj: dict, key: str, path: str) -> bool:
        value = obj.get(key, False)
        if type(value) is bool:
            return value
        if value is None:
            return False
        self.add(_join(path, key), _must_be("boolean"))
        return False

    def code(self, obj: dict, key: str, path: str, vocabulary, *, required: bool = False) -> str | None:
        value = obj.get(key)
        if value is None:
            if required and key in obj:
                self.add(_join(path, key), REQUIRED)
            return None
        if type(value) is not str:  # before `in`: a list or an object is not hashable
            self.add(_join(path, key), _must_be("string"))
        elif value in vocabulary:
            return value
        else:
            self.add(_join(path, key), _one_of(vocabulary.codes))
        return None

    def date(self, obj: dict, key: str, path: str, *, required: bool = False) -> date | None:
        value = obj.get(key)
        if value is None:
            if required and key in obj:
                self.add(_join(path, key), REQUIRED)
            return None
        parsed = self._dates.get(value) if type(value) is str else None
        if parsed is not None:
            return parsed
        parsed = _parse_date(value)
        if parsed is None:
            self.add(_join(path, key), _must_be("date"))
            return None
        self._dates[value] = parsed
        return parsed

    def items(self, obj: dict, key: str, path: str) -> list:
        value = obj.get(key)
        if value is None:
            return []
        if type(value) is list:
            return value
        self.add(_join(path, key), _must_be("list"))
        return []

    def signals(self, obj: dict, path: str) -> tuple[str, ...]:
        values = self.items(obj, "signals", path)
        if not values:
            return ()
        if len(values) == len(set(v for v in values if type(v) is str)) and all(v in SIGNALS for v in values):
            return tuple(values)
        kept: list[str] = []
        for i, value in enumerate(values):
            where = f"{path}.signals[{i}]"
            if type(value) is not str:
                self.add(where, _must_be("string"))
            elif value not in SIGNALS:
                self.add(where, _one_of(SIGNALS.codes))
            elif value in kept:
                self.add(where, REPEATED)
            else:
                kept.append(value)
        return tuple(kept)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _parse_date(value: Any) -> date | None:
    if type(value) is not str or len(value) != 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


# -- sections ---------------------------------------------------------------------------------

_TOP_KEYS = frozenset(
    {"format", "as_of", "account", "opportunity", "stakeholders", "relations", "assessments", "interactions"}
)
_ACCOUNT_KEYS = frozenset({"name", "industry", "notes"})
_OPPORTUNITY_KEYS = frozenset(
    {"name", "stage", "amount", "currency", "expected_close", "we_are_incumbent", "competitors", "research"}
)
_RESEARCH_KEYS = frozenset(RESEARCH_QUESTIONS.codes)
_STAKEHOLDER_KEYS = frozenset(
    {
        "id",
        "name",
        "title",
        "layer",
        "department",
        "reports_to",
        "buying_role",
        "power",
        "authority",
        "change_style",
        "personal_need",
        "personal_wins",
        "objection",
        "is_coach",
        "competitor_affinity",
        "notes",
    }
)
_STAKEHOLDER_REQUIRED = ("id", "name", "layer", "department", "buying_role")
_OBJECTION_KEYS = frozenset({"kind", "text"})
_AFFINITY_KEYS = frozenset({"competitor", "strength"})
_RELATION_KEYS = frozenset({"from", "to", "kind", "strength"})
_ASSESSMENT_KEYS = frozenset({"stakeholder", "date", "level", "evidence", "signals"})
_INTERACTION_KEYS = frozenset({"date", "stakeholders", "channel", "summary", "trust_delta", "signals"})


def _account(c: _Checker, data: Any) -> Account:
    if not c.keys(data, "account", _ACCOUNT_KEYS, ("name",)):
        return Account(name="")
    return Account(
        name=c.name(data, "name", "account"),
        industry=c.text(data, "industry", "account"),
        notes=c.text(data, "notes", "account"),
    )


def _opportunity(c: _Checker, data: Any) -> Opportunity:
    path = "opportunity"
    if not c.keys(data, path, _OPPORTUNITY_KEYS, ("name",)):
        return Opportunity(name="")
    return Opportunity(
        name=c.name(data, "name", path),
        stage=c.text(data, "stage", path),
        amount=_amount(c, data, path),
        currency=c.text(data, "currency", path) or "CNY",
        expected_close=c.date(data, "expected_close", path),
        we_are_incumbent=c.boolean(data, "we_are_incumbent", path),
        competitors=_competitors(c, data, path),
        research=_research(c, data.get("research"), f"{path}.research"),
    )


def _amount(c: _Checker, data: dict, path: str) -> float | None:
    """An amount the databases hold exactly (see `amounts`): below 10^13, at most 2 decimals.

    The check reads the number as written (a float by its shortest spelling), so a huge integer
    is refused before it could overflow a float (400 digits once crashed the reader).
    """
    value = data.get("amount")
    if value is None:
        return None
    if type(value) not in (int, float) or (type(value) is float and not math.isfinite(value)):
        c.add(f"{path}.amount", _must_be("number"))
        return None
    problem = amount_problem(value)
    if problem is not None:
        c.add(f"{path}.amount", problem)
        return None
    return value


def _competitors(c: _Checker, data: dict, path: str) -> tuple[str, ...]:
    names: list[str] = []
    for i, value in enumerate(c.items(data, "competitors", path)):
        where = f"{path}.competitors[{i}]"
        if type(value) is not str:
            c.add(where, _must_be("string"))
            continue
        name = tidy(value)
        if blank(name):
            c.add(where, NO_VISIBLE_NAME if value else NOT_EMPTY)
        elif separator := separator_in(name):
            c.add(where, _holds_separator(separator))
        elif name in names:
            c.add(where, REPEATED)
        else:
            names.append(name)
    return tuple(names)


def _research(c: _Checker, data: Any, path: str) -> Research:
    if data is None:
        return Research()
    if not c.keys(data, path, _RESEARCH_KEYS):
        return Research()
    return Research(**{key: c.text(data, key, path) for key in RESEARCH_QUESTIONS.codes})


def _stakeholder(c: _Checker, data: Any, path: str) -> Stakeholder | None:
    if not c.keys(data, path, _STAKEHOLDER_KEYS, _STAKEHOLDER_REQUIRED):
        return None
    sid = c.text(data, "id", path, required=True)
    reports_to = data.get("reports_to")
    if reports_to is not None and type(reports_to) is not str:
        c.add(f"{path}.reports_to", _must_be("string"))
        reports_to = None
    return Stakeholder(
        id=sid,
        name=c.name(data, "name", path),
        title=tidy(c.text(data, "title", path)),
        layer=c.code(data, "layer", path, LAYERS, required=True) or "",
        department=c.code(data, "department", path, DEPARTMENTS, required=True) or "",
        buying_role=c.code(data, "buying_role", path, BUYING_ROLES, required=True) or "",
        reports_to=reports_to,
        power=c.integer(data, "power", path, POWER_MIN, POWER_MAX),
        authority=c.integer(data, "authority", path, POWER_MIN, POWER_MAX),
        change_style=c.code(data, "change_style", path, CHANGE_STYLES),
        personal_need=c.code(data, "personal_need", path, PERSONAL_NEEDS),
        personal_wins=c.text(data, "personal_wins", path),
        objection=_objection(c, data.get("objection"), f"{path}.objection"),
        is_coach=c.boolean(data, "is_coach", path),
        competitor_affinity=_affinities(c, data, path),
        notes=c.text(data, "notes", path),
    )


def _objection(c: _Checker, data: Any, path: str) -> Objection | None:
    if data is None:
        return None
    if not c.keys(data, path, _OBJECTION_KEYS, ("kind",)):
        return None
    kind = c.code(data, "kind", path, OBJECTION_KINDS)
    text = c.text(data, "text", path)
    return Objection(kind, text) if kind else None


def _affinities(c: _Checker, data: dict, path: str) -> tuple[CompetitorAffinity, ...]:
    found: list[CompetitorAffinity] = []
    for i, item in enumerate(c.items(data, "competitor_affinity", path)):
        where = f"{path}.competitor_affinity[{i}]"
        if not c.keys(item, where, _AFFINITY_KEYS, ("competitor", "strength")):
            continue
        name = c.name(item, "competitor", where)
        strength = c.integer(item, "strength", where, AFFINITY_MIN, AFFINITY_MAX)
        if separator := separator_in(name):
            c.add(f"{where}.competitor", _holds_separator(separator))
        elif any(a.competitor == name for a in found):
            c.add(f"{where}.competitor", REPEATED)
        elif name and strength is not None:
            found.append(CompetitorAffinity(name, strength))
    return tuple(found)


def _relation(c: _Checker, data: Any, path: str) -> Relation | None:
    if not c.keys(data, path, _RELATION_KEYS, ("from", "to", "kind")):
        return None
    source = c.text(data, "from", path, required=True)
    target = c.text(data, "to", path, required=True)
    kind = c.code(data, "kind", path, RELATION_KINDS)
    strength = c.integer(data, "strength", path, RELATION_STRENGTH_MIN, RELATION_STRENGTH_MAX)
    if source and source == target:
        c.add(path, SELF_RELATION)
    return Relation(source, target, kind or "", strength)


def _assessment(c: _Checker, data: Any, path: str) -> Assessment | None:
    fast = type(data) is dict and _ASSESSMENT_KEYS.issuperset(data)
    if not fast and not c.keys(data, path, _ASSESSMENT_KEYS):
        return None
    for key in ("stakeholder", "date", "level"):
        if key not in data:
            c.add(f"{path}.{key}", REQUIRED)
    return Assessment(
        stakeholder=c.text(data, "stakeholder", path, required=True),
        date=c.date(data, "date", path),
        level=c.integer(data, "level", path, LEVEL_MIN, LEVEL_MAX),
        evidence=c.text(data, "evidence", path),
        signals=c.signals(data, path),
    )


def _interaction(c: _Checker, data: Any, path: str) -> Interaction | None:
    fast = type(data) is dict and _INTERACTION_KEYS.issuperset(data)
    if not fast and not c.keys(data, path, _INTERACTION_KEYS):
        return None
    for key in ("date", "stakeholders"):
        if key not in data:
            c.add(f"{path}.{key}", REQUIRED)
    return Interaction(
        date=c.date(data, "date", path),
        stakeholders=_participants(c, data, path),
        channel=c.text(data, "channel", path),
        summary=c.text(data, "summary", path),
        trust_delta=c.integer(data, "trust_delta", path, TRUST_DELTA_MIN, TRUST_DELTA_MAX),
        signals=c.signals(data, path),
    )


def _participants(c: _Checker, data: dict, path: str) -> tuple[str, ...]:
    values = c.items(data, "stakeholders", path)
    if "stakeholders" in data and type(data["stakeholders"]) is list and not values:
        c.add(f"{path}.stakeholders", NOT_EMPTY)
    if all(type(v) is str and v for v in values) and len(set(values)) == len(values):
        return tuple(values)
    kept: list[str] = []
    for i, value in enumerate(values):
        where = f"{path}.stakeholders[{i}]"
        if type(value) is not str or not value:
            c.add(where, _must_be("string") if type(value) is not str else NOT_EMPTY)
        elif value in kept:
            c.add(where, REPEATED)
        else:
            kept.append(value)
    return tuple(kept)


def _records(c: _Checker, data: dict, key: str, read: Callable) -> list[tuple[str, Any]]:
    """Read every record of one top-level list, keeping each with its path."""
    out = []
    for i, item in enumerate(c.items(data, key, "")):
        path = f"{key}[{i}]"
        record = read(c, item, path)
        if record is not None:
            out.append((path, record))
    return out


# -- the bulk of a file: assessments and interactions ---------------------------------------
# A large deal holds tens of thousands of these, so each is first tried on a fast path that
# accepts only a record with nothing wrong; anything else goes through the checked path above,
# which names every problem.

_SIGNAL_CODES = frozenset(SIGNALS.codes)


def _signals_fine(values: Any) -> bool:
    if values is None or values == []:
        return True
    if type(values) is not list:
        return False
    try:
        return _SIGNAL_CODES.issuperset(values) and len(set(values)) == len(values)
    except TypeError:  # an unhashable item: the checked path names it
        return False


def _fast_date(c: _Checker, value: Any) -> date | None:
    if type(value) is not str:
        return None
    day = c._dates.get(value)
    if day is None:
        day = _parse_date(value)
        if day is not None:
            c._dates[value] = day
    return day


def _read_assessments(c: _Checker, data: dict, ids: set[str]) -> list[Assessment]:
    out: list[Assessment] = []
    append, make, dates, keys = out.append, Assessment._make, c._dates, _ASSESSMENT_KEYS
    for i, item in enumerate(c.items(data, "assessments", "")):
        if type(item) is dict and keys.issuperset(item):
            get = item.get
            sid, level, evidence, when, signals = (
                get("stakeholder"),
                get("level"),
                get("evidence"),
                get("date"),
                get("signals"),
            )
            # The common cases inline (a date seen before, no signals), as in _fast_interaction.
            day = dates.get(when) if type(when) is str else None
            if day is None:
                day = _fast_date(c, when)
            if (
                type(sid) is str
                and sid in ids
                and day is not None
                and type(level) is int
                and LEVEL_MIN <= level <= LEVEL_MAX
                and (evidence is None or type(evidence) is str)
                and (signals is None or (type(signals) is list and (not signals or _signals_fine(signals))))
            ):
                append(make((sid, day, level, evidence or "", tuple(signals) if signals else ())))
                continue
        path = f"assessments[{i}]"
        record = _assessment(c, item, path)
        if record is not None and record.stakeholder and record.stakeholder not in ids:
            c.add(f"{path}.stakeholder", _unknown_person(record.stakeholder))
    return out


def _read_interactions(c: _Checker, data: dict, ids: set[str]) -> list[Interaction]:
    out: list[Interaction] = []
    for i, item in enumerate(c.items(data, "interactions", "")):
        record = _fast_interaction(c, item, ids) if type(item) is dict else None
        if record is not None:
            out.append(record)
            continue
        path = f"interactions[{i}]"
        record = _interaction(c, item, path)
        if record is not None:
            for j, sid in enumerate(record.stakeholders):
                if sid not in ids:
                    c.add(f"{path}.stakeholders[{j}]", _unknown_person(sid))
    return out


def _fast_interaction(c: _Checker, item: dict, ids: set[str]) -> Interaction | None:
    """The interaction when nothing is wrong with it, else None. `ids` holds only strings,
    so `ids.issuperset(people)` also proves every participant is a known id."""
    get = item.get
    people, delta, channel, summary, signals = (
        get("stakeholders"),
        get("trust_delta"),
        get("channel"),
        get("summary"),
        get("signals"),
    )
    try:
        fine = (
            _INTERACTION_KEYS.issuperset(item)
            and type(people) is list
            and people
            and ids.issuperset(people)
            and (len(people) == 1 or len(set(people)) == len(people))
        )
    except TypeError:  # an unhashable participant
        return None
    if not fine or not (
        delta is None or (type(delta) is int and TRUST_DELTA_MIN <= delta <= TRUST_DELTA_MAX)
    ):
        return None
    # The common cases are tested inline (no signals, a date seen before): a function call per
    # field and record was a tenth of this path's time.
    if not ((channel is None or type(channel) is str) and (summary is None or type(summary) is str)):
        return None
    if not (signals is None or (type(signals) is list and (not signals or _signals_fine(signals)))):
        return None
    when = get("date")
    day = c._dates.get(when) if type(when) is str else None
    if day is None and (day := _fast_date(c, when)) is None:
        return None
    return _make_interaction(
        (day, tuple(people), channel or "", summary or "", delta, tuple(signals) if signals else ())
    )


# A named tuple's _make is tuple.__new__ on a ready tuple: no Python-level __new__ per record.
_make_interaction = Interaction._make


# -- cross-references -------------------------------------------------------------------------


def _check_ids(c: _Checker, people: list[tuple[str, Stakeholder]]) -> set[str]:
    first: dict[str, str] = {}
    for path, person in people:
        if not person.id:
            continue
        if person.id in first:
            c.add(f"{path}.id", _duplicate_id(person.id, first[person.id]))
        else:
            first[person.id] = path
    return set(first)


def _check_references(c: _Checker, ids: set[str], people, relations) -> None:
    for path, person in people:
        if person.reports_to is None:
            continue
        if person.reports_to == person.id:
            c.add(f"{path}.reports_to", SELF_REPORT)
        elif person.reports_to not in ids:
            c.add(f"{path}.reports_to", _unknown_person(person.reports_to))
    _check_reporting_cycles(c, people, ids)
    seen: dict[tuple[str, str, str], str] = {}
    for path, rel in relations:
        for key, value in (("from", rel.source), ("to", rel.target)):
            if value and value not in ids:
                c.add(f"{path}.{key}", _unknown_person(value))
        triple = (rel.source, rel.target, rel.kind)
        if triple in seen:
            c.add(path, _duplicate_relation(seen[triple]))
        else:
            seen[triple] = path


def _check_reporting_cycles(c: _Checker, people, ids: set[str]) -> None:
    boss = {p.id: p.reports_to for _, p in people if p.reports_to in ids and p.reports_to != p.id}
    path_of = {p.id: path for path, p in people}
    done: set[str] = set()
    for start in boss:
        chain: list[str] = []
        node: str | None = start
        while node in boss and node not in done and node not in chain:
            chain.append(node)
            node = boss[node]
        if node in chain:
            cycle = chain[chain.index(node) :]
            c.add(f"{path_of[cycle[0]]}.reports_to", _reporting_cycle([*cycle, cycle[0]]))
        done.update(chain)


# -- public API -------------------------------------------------------------------------------


def load_deal(data: object, *, text: str | bytes | None = None) -> Deal:
    """Validate a parsed `dealmap/1` object and return the deal; raise DealFileError on any problem.

    With the ``text`` it was parsed from, a key written twice in one object is a problem too,
    listed with every other (see :func:`repeated_keys`).
    """
    repeats = repeated_keys(text, data) if text is not None else []
    problems = _text_problems(data)
    if problems:
        raise DealFileError(repeats + problems)
    return _with(repeats, data)


def _with(repeats: list[Problem], data: object) -> Deal:
    """`_load`, its problems listed after the repeated keys'."""
    try:
        deal = _load(data)
    except DealFileError as exc:
        raise DealFileError(repeats + exc.problems) from None
    if repeats:
        raise DealFileError(repeats)
    return deal


def _text_problems(data: object) -> list[Problem]:
    """Every string and key holding a lone surrogate, by path (the other checks would quote them).

    orjson refuses to write one, so a value it writes has none: only a value it refuses is walked
    (one stack, not recursion: the value may be nested as deeply as the parser allowed).
    """
    try:
        orjson.dumps(data)
    except TypeError:  # orjson.JSONEncodeError: a lone surrogate, or a value orjson does not write
        pass
    else:
        return []
    problems: list[Problem] = []
    stack: list[tuple[str, object]] = [("", data)]
    while stack:
        path, value = stack.pop()
        if type(value) is str:
            if _SURROGATE.search(value):
                problems.append(Problem(path, _not_text(value)))
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):
                where = _join(path, _escaped(key) if type(key) is str else str(key))
                if type(key) is str and _SURROGATE.search(key):
                    problems.append(Problem(where, _not_text(key)))
                stack.append((where, item))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", item) for i, item in reversed(list(enumerate(value))))
    return problems


def _load(data: object) -> Deal:
    """`load_deal` for a value known to hold only valid text."""
    c = _Checker()
    if not c.keys(data, "", _TOP_KEYS, ("format", "account", "opportunity", "stakeholders")):
        raise DealFileError(c.problems)
    assert isinstance(data, dict)
    if "format" in data and data["format"] != FORMAT:
        c.add("format", WRONG_FORMAT)
    as_of = c.date(data, "as_of", "")
    account = _account(c, data["account"]) if "account" in data else Account(name="")
    opportunity = _opportunity(c, data["opportunity"]) if "opportunity" in data else Opportunity(name="")
    people = _records(c, data, "stakeholders", _stakeholder)
    relations = _records(c, data, "relations", _relation)
    ids = _check_ids(c, people)
    _check_references(c, ids, people, relations)
    assessments = _read_assessments(c, data, ids)
    interactions = _read_interactions(c, data, ids)
    if c.problems:
        raise DealFileError(c.problems)
    return Deal(
        account=account,
        opportunity=opportunity,
        stakeholders=tuple(p for _, p in people),
        relations=tuple(r for _, r in relations),
        assessments=tuple(assessments),
        interactions=tuple(interactions),
        as_of=as_of,
    )


def loads_deal(text: str | bytes, *, repeats: bool = True) -> Deal:
    """Parse JSON text and validate it as a deal file.

    ``repeats=False`` leaves out the search for a key written twice in one object (about 15% of
    the time on a 16 MB file): ``dealmap analyze``, which stores nothing, reads the last value as
    JSON parsers do; everything that stores a deal file refuses it.
    """
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError:
        pass
    else:  # orjson refuses a lone surrogate: the text needs no further look
        return _with(repeated_keys(text, data) if repeats else [], data)
    try:
        data = json.loads(text)  # what orjson refuses, parsed as `parse_json` does
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DealFileError([Problem("", _not_json(exc, text))]) from exc
    except RecursionError as exc:
        raise DealFileError([Problem("", TOO_DEEP)]) from exc
    return load_deal(data, text=text if repeats else None)


REPEATED_KEY = Text(
    "在同一个对象里出现了不止一次（只会留下最后一个值，因此不予接受）",
    "appears more than once in the same object (only the last value would be kept)",
)

#: Where a key may end: its closing quote, blanks, the colon. An escaped quote inside a string
#: followed by a colon matches too, so the count is never below the number of keys in the text.
_KEY_END_SPACED = re.compile(rb'"[ \t\r\n]+:')


def repeated_keys(text: str | bytes, data: object) -> list[Problem]:
    """A key written twice in one object: JSON parsers keep the last value and drop the first,
    silently (``{"name": "甲", …, "name": "乙"}``), so it is a problem, by path, like an unknown key.

    Cheap first: when the parsed value holds as many keys as the text has places where a key may
    end, no key was dropped. Only otherwise is the text parsed again, noting repeats.
    """
    raw = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    ends = raw.count(b'":') + len(_KEY_END_SPACED.findall(raw))
    if _key_count(data) == ends:
        return []
    repeats: dict[int, list[str]] = {}
    keep: list[dict] = []  # the objects stay alive, so that their ids stay theirs

    def pairs_hook(pairs: list[tuple[str, object]]) -> dict:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            seen: set[str] = set()
            repeats[id(obj)] = [k for k, _ in pairs if k in seen or seen.add(k)]
            keep.append(obj)
        return obj

    try:
        again = json.loads(text, object_pairs_hook=pairs_hook)
    except (ValueError, RecursionError):  # orjson took what json refuses: nothing more to say
        return []
    if not repeats:
        return []
    problems: list[Problem] = []
    stack: list[tuple[str, object]] = [("", again)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, dict):
            for key in dict.fromkeys(repeats.get(id(value), ())):
                problems.append(Problem(_join(path, _escaped(key)), REPEATED_KEY))
            stack.extend((_join(path, _escaped(k)), v) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", v) for i, v in reversed(list(enumerate(value))))
    return problems


def _key_count(data: object) -> int:
    """How many keys the parsed value's objects hold, all together (one stack, no recursion)."""
    count, stack = 0, [data]
    pop, push = stack.pop, stack.append
    while stack:
        value = pop()
        if type(value) is dict:
            count += len(value)
            value = value.values()
        elif type(value) is not list:
            continue
        for item in value:
            kind = type(item)
            if kind is dict or kind is list:
                push(item)
    return count


def parse_json(text: str | bytes) -> object:
    """The parsed text: orjson first, which reads the 16 MB bench file in about 60% of json's time;
    whatever it refuses (a syntax error, NaN, an integer beyond 64 bits, a byte-order mark, a lone
    surrogate) is parsed again by json, so what is accepted and how an error reads stay json's."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def read_deal_file(source: str, *, repeats: bool = True) -> Deal:
    """Read and validate a deal file from a path, or from standard input when source is '-'
    (``repeats``: as in :func:`loads_deal`)."""
    try:
        if source == "-":
            if sys.stdin is None:  # started with standard input closed (`0<&-`)
                raise OSError(errno.EBADF, os.strerror(errno.EBADF))
            raw = sys.stdin.buffer.read()
        else:
            # not pathlib: importing it is ~4 ms of `dealmap analyze`'s start
            with open(source, "rb") as file:
                raw = file.read()
    except OSError as exc:
        raise DealFileError([_cannot_read(source, exc)]) from exc
    return loads_deal(raw, repeats=repeats)


# -- writing ----------------------------------------------------------------------------------


def dump_deal(deal: Deal, as_of: date | None = None) -> dict:
    """The deal as a `dealmap/1` object; absent optional values are left out."""
    when = as_of or deal.as_of
    out: dict[str, Any] = {"format": FORMAT}
    if when is not None:
        out["as_of"] = when.isoformat()
    out["account"] = {
        "name": deal.account.name,
        "industry": deal.account.industry,
        "notes": deal.account.notes,
    }
    out["opportunity"] = _dump_opportunity(deal.opportunity)
    out["stakeholders"] = [_dump_stakeholder(p) for p in deal.stakeholders]
    out["relations"] = [_dump_relation(r) for r in deal.relations]
    out["assessments"] = [
        {
            "stakeholder": a.stakeholder,
            "date": a.date.isoformat(),
            "level": a.level,
            "evidence": a.evidence,
            "signals": list(a.signals),
        }
        for a in deal.assessments
    ]
    out["interactions"] = [_dump_interaction(i) for i in deal.interactions]
    return out


def _dump_opportunity(o: Opportunity) -> dict:
    out: dict[str, Any] = {"name": o.name, "stage": o.stage}
    if o.amount is not None:
        out["amount"] = int(o.amount) if float(o.amount).is_integer() else o.amount
    out["currency"] = o.currency
    if o.expected_close is not None:
        out["expected_close"] = o.expected_close.isoformat()
    out["we_are_incumbent"] = o.we_are_incumbent
    out["competitors"] = list(o.competitors)
    out["research"] = {key: getattr(o.research, key) for key in RESEARCH_QUESTIONS.codes}
    return out


def _dump_stakeholder(p: Stakeholder) -> dict:
    out: dict[str, Any] = {"id": p.id, "name": p.name, "title": p.title, "layer": p.layer}
    out["department"] = p.department
    if p.reports_to is not None:
        out["reports_to"] = p.reports_to
    out["buying_role"] = p.buying_role
    for key in ("power", "authority", "change_style", "personal_need"):
        if getattr(p, key) is not None:
            out[key] = getattr(p, key)
    out["personal_wins"] = p.personal_wins
    if p.objection is not None:
        out["objection"] = {"kind": p.objection.kind, "text": p.objection.text}
    out["is_coach"] = p.is_coach
    out["competitor_affinity"] = [
        {"competitor": a.competitor, "strength": a.strength} for a in p.competitor_affinity
    ]
    out["notes"] = p.notes
    return out


def _dump_relation(r: Relation) -> dict:
    out: dict[str, Any] = {"from": r.source, "to": r.target, "kind": r.kind}
    if r.strength is not None:
        out["strength"] = r.strength
    return out


def _dump_interaction(i: Interaction) -> dict:
    out: dict[str, Any] = {"date": i.date.isoformat(), "stakeholders": list(i.stakeholders)}
    out["channel"] = i.channel
    out["summary"] = i.summary
    if i.trust_delta is not None:
        out["trust_delta"] = i.trust_delta
    out["signals"] = list(i.signals)
    return out


def canonical(data: object) -> dict:
    """A deal file in canonical form, for comparing two files by content.

    Defaults are filled in, keys are in one order, and lists whose order carries no meaning
    are sorted. Assessments keep their relative order within one person and day (the tie-break).
    """
    out = dump_deal(load_deal(data))
    out["stakeholders"].sort(key=lambda p: p["id"])
    for person in out["stakeholders"]:
        person["competitor_affinity"].sort(key=lambda a: a["competitor"])
    out["relations"].sort(key=lambda r: (r["from"], r["to"], r["kind"]))
    out["assessments"].sort(key=lambda a: (a["stakeholder"], a["date"]))
    for record in (*out["assessments"], *out["interactions"]):
        record["signals"].sort()
    for record in out["interactions"]:
        record["stakeholders"].sort()
    out["interactions"].sort(key=lambda i: json.dumps(i, ensure_ascii=False, sort_keys=True))
    return json.loads(json.dumps(out, sort_keys=True, ensure_ascii=False))


def shift_dates(deal: Deal, days: int) -> Deal:
    """The same deal with every date moved by `days` (the demo is shifted to look current)."""
    delta = timedelta(days=days)

    def move(d: date | None) -> date | None:
        return None if d is None else d + delta

    opportunity = replace(deal.opportunity, expected_close=move(deal.opportunity.expected_close))
    return replace(
        deal,
        as_of=move(deal.as_of),
        opportunity=opportunity,
        assessments=tuple(a._replace(date=move(a.date)) for a in deal.assessments),
        interactions=tuple(i._replace(date=move(i.date)) for i in deal.interactions),
    )
