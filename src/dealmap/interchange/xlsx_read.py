"""Read an import workbook (.xlsx) or a one-sheet .csv: defences, cell parsing, row records.

A file is checked before any parser sees it: the bytes must be an xlsx (a zip with a workbook) or
UTF-8 / UTF-8-SIG / GB18030 text; the zip's central directory must stay within the member, size
and compression-ratio limits; then openpyxl streams the rows read-only (defusedxml refuses XML entity
tricks). A file that fails any of these raises :class:`FileRejected` (HTTP 400, exit status 2).

Each data row becomes a :class:`Row` of typed values, or a list of :class:`RowIssue` that name the
sheet, row, column and reason in both languages. Nothing here keeps more than one row in memory.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, BinaryIO

from defusedxml import DefusedXmlException
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from dealmap.interchange.amounts import amount_problem
from dealmap.interchange.names import LIST_SEPARATORS, blank, tidy
from dealmap.interchange.sheets import (
    EXAMPLE_MARKERS,
    GUIDE,
    HEADER_ALIASES,
    LISTS_SHEET,
    MAX_FILE_BYTES,
    MAX_ROWS_PER_SHEET,
    PEOPLE,
    SHEET_ALIASES,
    SHEETS,
    Column,
    Sheet,
    normalise,
)
from dealmap.method.codes import Text, Vocabulary

#: Zip limits checked on the central directory before openpyxl opens the file.
MAX_ZIP_MEMBERS = 1_000
MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
MAX_NAME_CHARS = 200
MAX_TEXT_CHARS = 10_000
#: Cells starting with one of these are neutralised on export by a leading apostrophe.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

Progress = Callable[[str, int, int], None]


class FileRejected(ValueError):
    """The file as a whole cannot be read; `reason` says why in both languages."""

    def __init__(self, reason: Text):
        self.reason = reason
        super().__init__(reason.en)


@dataclass(frozen=True)
class RowIssue:
    """One problem in one cell (or row, when column is empty) of one sheet."""

    sheet: str  # the sheet's key
    row: int  # the spreadsheet's row number (the header is row 1)
    column: str  # column letter and header in both languages, e.g. "E 层级/Layer"; "" for the whole row
    reason: Text
    #: The column as each language names it ("E 层级" / "E Layer"); None: ``column`` as it is.
    where: Text | None = None

    def column_in(self, lang: str) -> str:
        return self.where.get(lang) if self.where is not None else self.column

    def render(self, lang: str = "zh", sheet_name: str | None = None) -> str:
        where = sheet_name or self.sheet
        column = f", {self.column_in(lang)}" if self.column else ""
        row = "行" if lang == "zh" else "row"
        return f"{where} {row} {self.row}{column}: {self.reason.get(lang)}"


@dataclass
class Row:
    """One data row with its values by field key; only the file's columns are present."""

    sheet: str
    number: int
    values: dict[str, Any] = field(default_factory=dict)
    #: Each field's column letter in the file (one dict shared by all rows of a sheet).
    letters: dict[str, str] = field(default_factory=dict)


# -- messages -----------------------------------------------------------------------------------

NOT_A_WORKBOOK = Text(
    "不是 .xlsx 或 .csv 文件（按文件内容判断，与文件名无关）",
    "not an .xlsx or .csv file (judged by its content, not its name)",
)
EMPTY_FILE = Text("文件是空的，没有可导入的内容", "the file is empty: there is nothing to import")
NAMED_WORKBOOK = Text(
    "文件名是 Excel 工作簿，内容却不是：文件可能已损坏，或是改了扩展名的其他文件",
    "the file is named as an Excel workbook but is not one: it may be damaged, or another kind of file renamed",
)
OLD_OR_ENCRYPTED = Text(
    "这是旧版 .xls 或加密的文件，请另存为 .xlsx（不加密码）",
    "this is an old .xls or an encrypted file; save it as .xlsx without a password",
)
DAMAGED = Text(
    "文件已损坏或不完整（zip 无法读取）", "the file is damaged or truncated (the zip cannot be read)"
)
TOO_BIG = Text(
    f"文件过大（上限 {MAX_FILE_BYTES // (1024 * 1024)} MB）",
    f"the file is too large (limit {MAX_FILE_BYTES // (1024 * 1024)} MB)",
)
ZIP_BOMB = Text(
    "文件解压后过大或压缩比异常，已拒绝（疑似压缩炸弹）",
    "the file unpacks too large or is compressed suspiciously well; refused (possible zip bomb)",
)
UNSAFE_XML = Text(
    "文件中的 XML 含有不安全的结构（实体定义），已拒绝",
    "the file's XML holds unsafe constructs (entities); refused",
)
BAD_TEXT = Text(
    "CSV 文件的编码无法识别（支持 UTF-8 和 GB18030）",
    "the CSV's encoding is not recognised (UTF-8 or GB18030)",
)
DEAL_FILE = Text(
    "这是 JSON 文件，不是 .xlsx 或 .csv；dealmap/1 商机文件请用 `dealmap import-deal` 或网页上的「导入」页导入",
    "this is a JSON file, not an .xlsx or .csv; import a dealmap/1 deal file with `dealmap import-deal` "
    "or on the web's Import page",
)
NO_SHEETS = Text("文件中没有可导入的工作表", "the file has no sheet to import")
FORMULA = Text("不接受公式，请填写数值", "formulas are not accepted; enter the value")
REQUIRED = Text("必填", "is required")
NOT_INTEGER = Text("必须是整数", "must be a whole number")
NOT_NUMBER = Text("必须是不小于 0 的数字", "must be a number of at least 0")
NOT_DATE = Text("必须是日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)")
NOT_BOOL = Text("必须是 是/否", "must be yes or no")
REPEATED = Text("同一项重复出现", "lists an item twice")
UNKNOWN_COLUMN = Text("未知的列（拼写错误会导致数据丢失）", "unknown column (a typo would drop data)")
REPEATED_COLUMN = Text("列重复出现", "the column appears twice")
BAD_AFFINITY = Text("格式应为 竞争对手：0-3，多项用分号分隔", "write competitor:0-3, several separated by ;")


def _between(low: int, high: int) -> Text:
    return Text(f"必须在 {low} 到 {high} 之间", f"must be between {low} and {high}")


def _too_long(limit: int) -> Text:
    return Text(f"不能超过 {limit} 个字符", f"must be at most {limit} characters")


def _one_of(vocabulary: Vocabulary) -> Text:
    return Text(
        "必须是以下之一：" + "、".join(c.label.zh for c in vocabulary),
        "must be one of: " + ", ".join(c.label.en for c in vocabulary),
    )


def _missing_column(title: Text) -> Text:
    return Text(f"缺少必填列「{title.zh}」", f"the required column '{title.en}' is missing")


def _too_many_rows() -> Text:
    return Text(
        f"行数超过上限 {MAX_ROWS_PER_SHEET:,}，请分批导入",
        f"more than {MAX_ROWS_PER_SHEET:,} rows; split the file",
    )


def _unknown_sheet(name: str) -> Text:
    return Text(
        f"未知的工作表「{name}」；请改名、删除，或在名称前加 _ 以忽略",
        f"unknown sheet '{name}'; rename or delete it, or start its name with _ to skip it",
    )


# -- opening the file ---------------------------------------------------------------------------


def _read_bytes(source: str | Path | bytes | BinaryIO) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    elif isinstance(source, str | Path):
        path = Path(source)
        if path.stat().st_size > MAX_FILE_BYTES:
            raise FileRejected(TOO_BIG)
        data = path.read_bytes()
    else:
        data = source.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise FileRejected(TOO_BIG)
    return data


def sniff(data: bytes) -> str:
    """'xlsx' or 'csv' from the file's bytes; raise FileRejected for anything else."""
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileRejected(OLD_OR_ENCRYPTED)
    if not data.lstrip(b"\xef\xbb\xbf").strip():
        raise FileRejected(EMPTY_FILE)
    if b"\x00" in data[:4096]:
        raise FileRejected(NOT_A_WORKBOOK)
    if looks_like_json(data):
        raise FileRejected(DEAL_FILE)
    return "csv"


def looks_like_json(data: bytes) -> bool:
    """JSON (a dealmap/1 deal file, or meant as one), not a CSV: after a byte-order mark and blanks,
    it opens with { or [ — which no header row of the layout does."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith((b"{", b"["))


def check_zip(data: bytes) -> None:
    """Refuse a damaged zip or a zip bomb by its central directory, before anything unpacks it.

    Python's zipfile never returns more than a member's declared size (a lying header fails its
    CRC), so the declared sizes bound what openpyxl can unpack.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as exc:
        raise FileRejected(DAMAGED) from exc
    if "xl/workbook.xml" not in names:
        raise FileRejected(NOT_A_WORKBOOK)
    if len(members) > MAX_ZIP_MEMBERS:
        raise FileRejected(ZIP_BOMB)
    total = 0
    for member in members:
        total += member.file_size
        big = member.file_size > 1024 * 1024
        if big and member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1):
            raise FileRejected(ZIP_BOMB)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise FileRejected(ZIP_BOMB)


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return codecs.decode(data, encoding)
        except UnicodeDecodeError:
            continue
    raise FileRejected(BAD_TEXT)


# -- cell parsing ---------------------------------------------------------------------------------

_INT = re.compile(r"^[+-]?\d{1,9}$")
_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_SPLIT = re.compile("|".join(re.escape(s) for s in LIST_SEPARATORS))
_TRUE = {"是", "y", "yes", "true", "1", "√", "✓", "x", "对"}
_FALSE = {"否", "n", "no", "false", "0", "×", "✗", ""}
_PLAIN = (str, int, float, bool, datetime, date, type(None))


class _Bad(Exception):
    def __init__(self, reason: Text):
        self.reason = reason


def unescape(text: str) -> str:
    """Undo the exporter's formula neutralisation: drop one apostrophe put before = + - @ tab CR or '."""
    if len(text) > 1 and text[0] == "'" and (text[1] in FORMULA_TRIGGERS or text[1] == "'"):
        return text[1:]
    return text


def _text(value: Any, limit: int = MAX_TEXT_CHARS) -> str:
    if value is None:
        return ""
    if type(value) is str:
        if value[:1] == "=":
            raise _Bad(FORMULA)
        text = unescape(value)
    elif type(value) is bool:
        text = "TRUE" if value else "FALSE"
    elif type(value) is int:
        text = str(value)
    elif type(value) is float:
        text = str(int(value)) if value.is_integer() else repr(value)
    elif isinstance(value, datetime | date):
        text = (value.date() if isinstance(value, datetime) else value).isoformat()
    else:
        raise _Bad(FORMULA)  # openpyxl's array/table formula objects
    if len(text) > limit:
        raise _Bad(_too_long(limit))
    return text


def _name(value: Any, _col: Column) -> str:
    """A name as stored (tidy); one that shows nothing (a zero-width space) reads as an empty cell."""
    text = tidy(_text(value, MAX_NAME_CHARS))
    return "" if blank(text) else text


#: Free-text columns stored tidy, as the web pages and the API store them: a person's title.
_TIDY = frozenset({"title"})


def _free(value: Any, col: Column) -> str:
    text = _text(value, col.limit or MAX_TEXT_CHARS)
    return tidy(text) if col.key in _TIDY else text


def _int(value: Any, col: Column) -> int | None:
    if value is None:
        return None
    if type(value) is int:
        number = value
    elif type(value) is float and value.is_integer():
        number = int(value)
    elif type(value) is str and _INT.match(value.strip()):
        number = int(value.strip())
    elif type(value) is str and not value.strip():
        return None
    else:
        _text(value)  # a formula is reported as such
        raise _Bad(NOT_INTEGER)
    if col.low is not None and col.high is not None and not col.low <= number <= col.high:
        raise _Bad(_between(col.low, col.high))
    return number


def _number(value: Any, _col: Column) -> float | int | None:
    """An amount: a number cell as its shortest spelling, a text cell as written (``1.005`` is
    refused, not rounded); below 10^13 with at most 2 decimals, what the databases hold exactly."""
    if value is None or (type(value) is str and not value.strip()):
        return None
    number: Any = value
    if type(value) is str:
        _text(value)
        try:
            written = Decimal(value.strip().replace(",", ""))
        except InvalidOperation:
            raise _Bad(NOT_NUMBER) from None
        if not written.is_finite() or written < 0:
            raise _Bad(NOT_NUMBER)
        problem = amount_problem(written)
        if problem is not None:
            raise _Bad(problem)
        number = int(written) if written == written.to_integral_value() else float(written)
    if type(number) not in (int, float) or not math.isfinite(number) or number < 0:
        raise _Bad(NOT_NUMBER)
    problem = amount_problem(number)
    if problem is not None:
        raise _Bad(problem)
    return number


def _date(value: Any, _col: Column) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if type(value) is str:
        text = _text(value).strip()
        if not text:
            return None
        match = _DATE.match(text)
        if match:
            try:
                return date(*(int(g) for g in match.groups()))
            except ValueError:
                pass
    else:
        _text(value)
    raise _Bad(NOT_DATE)


def _bool(value: Any, _col: Column) -> bool:
    if value is None or type(value) is bool:
        return bool(value)
    if type(value) in (int, float) and value in (0, 1):
        return bool(value)
    text = _text(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _Bad(NOT_BOOL)


_LOOKUPS: dict[str, dict[str, str]] = {}


def _lookup(vocabulary: Vocabulary) -> dict[str, str]:
    table = _LOOKUPS.get(vocabulary.name)
    if table is None:
        table = {}
        for entry in vocabulary:
            for alias in (entry.code, entry.label.zh, entry.label.en):
                table[normalise(alias)] = entry.code
        _LOOKUPS[vocabulary.name] = table
    return table


def _code(value: Any, col: Column) -> str | None:
    text = _text(value).strip()
    if not text:
        return None
    code = _lookup(col.vocabulary).get(normalise(text))
    if code is None:
        raise _Bad(_one_of(col.vocabulary))
    return code


def _channel(value: Any, col: Column) -> str:
    """A known channel by code or label becomes its code; any other text is kept as written."""
    text = _text(value, 40).strip()
    return _lookup(col.vocabulary).get(normalise(text), text) if text else ""


def _items(value: Any) -> list[str]:
    """The cell's items, tidy; an item that shows nothing is left out like an empty one."""
    items = [tidy(part) for part in _SPLIT.split(_text(value))]
    return [item for item in items if not blank(item)]


def _unique(items: list) -> list:
    if len(set(items)) != len(items):
        raise _Bad(REPEATED)
    return items


def _codes(value: Any, col: Column) -> tuple[str, ...]:
    out = []
    table = _lookup(col.vocabulary)
    for item in _items(value):
        code = table.get(normalise(item))
        if code is None:
            raise _Bad(_one_of(col.vocabulary))
        out.append(code)
    return tuple(_unique(out))


def _list(value: Any, _col: Column) -> tuple[str, ...]:
    items = _items(value)
    if any(len(i) > MAX_NAME_CHARS for i in items):
        raise _Bad(_too_long(MAX_NAME_CHARS))
    return tuple(_unique(items))


def _affinity(value: Any, col: Column) -> tuple[tuple[str, int], ...]:
    out = []
    for item in _items(value):
        name, sep, strength = item.replace("\uff1a", ":").rpartition(":")  # full-width colon too
        name, strength = name.strip(), strength.strip()
        if not sep or blank(name) or not _INT.match(strength):
            raise _Bad(BAD_AFFINITY)
        if not col.low <= int(strength) <= col.high:
            raise _Bad(_between(col.low, col.high))
        out.append((name, int(strength)))
    if len({n for n, _ in out}) != len(out):
        raise _Bad(REPEATED)
    return tuple(out)


_READERS: dict[str, Callable[[Any, Column], Any]] = {
    "text": _free,
    "name": _name,
    "ref": _name,
    "refs": _list,
    "int": _int,
    "number": _number,
    "date": _date,
    "bool": _bool,
    "code": _code,
    "codes": _codes,
    "channel": _channel,
    "list": _list,
    "affinity": _affinity,
}


# -- sheets -------------------------------------------------------------------------------------


@dataclass
class _Layout:
    """How one sheet of the file maps to the layout: (index, column) per recognised header."""

    sheet: Sheet
    fields: list[tuple[int, Column, Callable]]
    width: int
    letters: dict[str, str] = field(default_factory=dict)


def _layout(sheet: Sheet, header: tuple, issues: list[RowIssue]) -> _Layout | None:
    aliases = HEADER_ALIASES[sheet.key]
    fields: list[tuple[int, Column, Callable]] = []
    seen: set[str] = set()
    for i, cell in enumerate(header):
        if cell is None or str(cell).strip() == "":
            continue
        col = aliases.get(normalise(cell))
        letter = get_column_letter(i + 1)
        where = f"{letter} {cell}"
        quoted = Text(f"{letter}\u201c{cell}\u201d", f"{letter} \u201c{cell}\u201d")
        if col is None:
            issues.append(RowIssue(sheet.key, 1, where, UNKNOWN_COLUMN, quoted))
        elif col.key in seen:
            issues.append(RowIssue(sheet.key, 1, where, REPEATED_COLUMN, quoted))
        else:
            seen.add(col.key)
            fields.append((i, col, _READERS[col.kind]))
    for col in sheet.columns:
        if col.required and col.key not in seen:
            issues.append(RowIssue(sheet.key, 1, "", _missing_column(col.header)))
    if any(issue.row == 1 and issue.sheet == sheet.key for issue in issues):
        return None
    letters = {col.key: get_column_letter(i + 1) for i, col, _ in fields}
    return _Layout(sheet, fields, max((i for i, _, _ in fields), default=0) + 1, letters)


def _guess_sheet(header: tuple) -> Sheet:
    """The sheet a CSV file stands for: the one whose headers it matches best (people on a tie)."""
    names = {normalise(c) for c in header if c not in (None, "")}

    def score(sheet: Sheet) -> tuple[int, int, bool]:
        aliases = HEADER_ALIASES[sheet.key]
        hits = sum(1 for n in names if n in aliases)
        misses = len(names) - hits
        return (hits - misses, -len(sheet.columns), sheet is PEOPLE)

    return max(SHEETS, key=score)


class Source:
    """An opened import file, ready to stream its sheets in the layout's order (read it twice at will)."""

    def __init__(self, source: str | Path | bytes | BinaryIO, *, name: str = ""):
        """``name`` (the file's name, when ``source`` is its bytes) only shapes a refusal: a file
        called .xlsx that is not a workbook is said to be so, not read as a CSV of nonsense."""
        self.data = _read_bytes(source)
        self.kind = sniff(self.data)
        name = name or (str(source) if isinstance(source, str | Path) else "")
        if self.kind == "csv" and name.lower().endswith((".xlsx", ".xlsm", ".xls")):
            raise FileRejected(NAMED_WORKBOOK)
        if self.kind == "xlsx":
            check_zip(self.data)
        else:
            self.text = _decode(self.data)

    def sheets(self, issues: list[RowIssue]) -> Iterator[tuple[Sheet, Iterator[tuple], int]]:
        """(sheet, data rows, row-count estimate) in the layout's order; header problems go to issues."""
        if self.kind == "csv":
            yield from self._csv(issues)
        else:
            yield from self._xlsx(issues)

    def _csv(self, issues):
        rows = csv.reader(io.StringIO(self.text, newline=""))
        header = tuple(next(rows, ()))
        sheet = _guess_sheet(header)
        layout = _layout(sheet, header, issues)
        if layout is not None:
            yield layout, (tuple(v if v != "" else None for v in row) for row in rows), self.text.count("\n")

    def _xlsx(self, issues):
        try:
            book = load_workbook(io.BytesIO(self.data), read_only=True, data_only=False, keep_links=False)
        except Exception as exc:  # openpyxl raises many kinds on a malformed package
            raise _rejection(exc) from exc
        try:
            found: dict[str, Any] = {}
            for ws in book.worksheets:
                name = ws.title
                sheet = SHEET_ALIASES.get(normalise(name))
                if sheet is not None and sheet.key not in found:
                    found[sheet.key] = ws
                elif not name.startswith("_") and normalise(name) not in {
                    normalise(GUIDE.zh),
                    normalise(GUIDE.en),
                    LISTS_SHEET,
                }:
                    issues.append(RowIssue(name, 1, "", _unknown_sheet(name)))
            if not found and not issues:
                raise FileRejected(NO_SHEETS)
            for sheet in SHEETS:
                ws = found.get(sheet.key)
                if ws is None:
                    continue
                estimate = ws.max_row or 0
                ws.reset_dimensions()  # a lying <dimension> must not make openpyxl pad empty rows
                try:
                    header = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), ())
                except Exception as exc:
                    raise _rejection(exc) from exc
                layout = _layout(sheet, tuple(header), issues)
                if layout is not None:
                    rows = ws.iter_rows(min_row=2, max_col=layout.width, values_only=True)
                    yield layout, _guarded(rows), estimate
        finally:
            book.close()


def _guarded(rows: Iterator[tuple]) -> Iterator[tuple]:
    """openpyxl parses lazily: turn a parse failure in the middle of a sheet into a rejection."""
    try:
        yield from rows
    except FileRejected:
        raise
    except Exception as exc:
        raise _rejection(exc) from exc


def _rejection(exc: Exception) -> FileRejected:
    kind = type(exc).__name__
    cause: BaseException | None = exc
    while cause is not None:  # openpyxl wraps the parser's error in a ValueError
        if isinstance(cause, DefusedXmlException):
            return FileRejected(UNSAFE_XML)
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, zipfile.BadZipFile | EOFError):
        return FileRejected(DAMAGED)
    return FileRejected(Text(f"无法读取该 .xlsx 文件（{kind}）", f"the .xlsx file cannot be read ({kind})"))


def parse_rows(
    source: Source,
    issues: list[RowIssue],
    progress: Progress | None = None,
    on_bad: Callable[[Row], None] | None = None,
) -> Iterator[Row]:
    """Every data row of every sheet as a Row of typed values, in the layout's sheet order.

    Cell problems are appended to issues and the row is not yielded (``on_bad`` gets it instead,
    with the values that did read). Empty rows and the template's example rows are skipped.
    """
    for layout, rows, estimate in source.sheets(issues):
        key = layout.sheet.key
        number = 1
        for values in rows:
            number += 1
            if number > MAX_ROWS_PER_SHEET + 1:
                issues.append(RowIssue(key, number, "", _too_many_rows()))
                break
            if progress is not None and number % 1000 == 0:
                progress(key, number - 1, max(estimate - 1, number - 1))
            row = _parse_row(layout, key, number, values, issues, on_bad)
            if row is not None:
                yield row
        if progress is not None:
            progress(key, number - 1, number - 1)


def _parse_row(
    layout: _Layout, key: str, number: int, values: tuple, issues: list, on_bad: Callable | None = None
) -> Row | None:
    if not any(v is not None and v != "" for v in values):
        return None
    first = values[layout.fields[0][0]] if layout.fields and layout.fields[0][0] < len(values) else None
    if type(first) is str and first.startswith(EXAMPLE_MARKERS):
        return None
    out: dict[str, Any] = {}
    bad = False
    size = len(values)
    for index, col, read in layout.fields:
        value = values[index] if index < size else None
        try:
            parsed = read(value, col)
        except _Bad as problem:
            issues.append(RowIssue(key, number, _where(index, col), problem.reason, _where_in(index, col)))
            bad = True
            continue
        if col.required and (parsed is None or parsed == "" or parsed == ()):
            issues.append(RowIssue(key, number, _where(index, col), REQUIRED, _where_in(index, col)))
            bad = True
            continue
        out[col.key] = parsed
    if bad:
        if on_bad is not None:
            on_bad(Row(key, number, out, layout.letters))
        return None
    return Row(key, number, out, layout.letters)


def _where(index: int, col: Column) -> str:
    return f"{get_column_letter(index + 1)} {col.header.zh}/{col.header.en}"


def _where_in(index: int, col: Column) -> Text:
    letter = get_column_letter(index + 1)
    return Text(f"{letter} {col.header.zh}", f"{letter} {col.header.en}")
