"""Bad files are refused whole with a clear reason, in bounded time and memory."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from openpyxl import Workbook

from dealmap.interchange import xlsx_read
from dealmap.interchange.xlsx import FileRejected, Source, scan

PEOPLE = ["客户名称", "姓名", "层级", "部门"]


def small_book(rows=(("A", "张伟", "管理层", "采购部"),)) -> bytes:
    book = Workbook()
    book.active.title = "客户"
    book.active.append(["客户名称"])
    book.active.append(["A"])
    ws = book.create_sheet("人员")
    ws.append(PEOPLE)
    for row in rows:
        ws.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rejected(data: bytes) -> str:
    with pytest.raises(FileRejected) as caught:
        scan(Source(data))
    return caught.value.reason.en


def replace_member(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, content if item.filename == name else src.read(item.filename))
    return out.getvalue()


def test_a_clean_small_book_is_accepted():
    assert scan(Source(small_book())).ok


def test_an_image_named_xlsx_is_refused_by_its_bytes():
    assert rejected(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100).startswith("not an .xlsx or .csv")


@pytest.mark.parametrize("data", [b"", b"  \r\n\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n"])
def test_an_empty_file_is_called_empty_not_the_wrong_kind(data):
    assert rejected(data) == "the file is empty: there is nothing to import"


@pytest.mark.parametrize("data", [b'{"format": "dealmap/1"}', b'\xef\xbb\xbf\n  {"a": 1}', b"[1, 2]"])
def test_a_json_file_is_refused_with_a_pointer_to_the_deal_file_import(data):
    """Read as a CSV it would have been a one-column sheet with a nonsense header."""
    assert "import a dealmap/1 deal file with `dealmap import-deal`" in rejected(data)


def test_a_csv_whose_first_cell_is_bracketed_text_is_not_mistaken_for_json():
    assert scan(Source("客户名称\n[重要]华东精密\n".encode())).ok


def test_an_old_xls_or_encrypted_file_is_refused():
    assert "old .xls" in rejected(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)


def test_a_zip_without_a_workbook_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "hi")
    assert rejected(out.getvalue()).startswith("not an .xlsx")


def test_a_truncated_xlsx_is_refused_as_damaged():
    data = small_book()
    assert "damaged or truncated" in rejected(data[: len(data) // 2])


def test_a_zip_bomb_is_refused_before_unpacking():
    data = replace_member(small_book(), "xl/worksheets/sheet2.xml", b"<" + b" " * (50 * 1024 * 1024) + b"/>")
    started = time.perf_counter()
    assert "zip bomb" in rejected(data)
    assert time.perf_counter() - started < 2


def test_too_many_members_is_refused(monkeypatch):
    monkeypatch.setattr(xlsx_read, "MAX_ZIP_MEMBERS", 5)
    assert "zip bomb" in rejected(small_book())


def test_an_xml_entity_bomb_is_refused():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>'
    )
    data = replace_member(small_book(), "xl/worksheets/sheet2.xml", bomb)
    assert "unsafe" in rejected(data)


def test_more_rows_than_the_limit_is_reported(monkeypatch):
    monkeypatch.setattr(xlsx_read, "MAX_ROWS_PER_SHEET", 10)
    rows = [("A", f"人{i}", "管理层", "采购部") for i in range(20)]
    plan = scan(Source(small_book(rows)))
    assert [(i.sheet, i.row) for i in plan.issues] == [("people", 12)]
    assert "more than 10 rows" in plan.issues[0].reason.en


def test_a_lying_dimension_does_not_pad_a_million_empty_rows():
    data = small_book()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet = z.read("xl/worksheets/sheet2.xml")
    lying = sheet.replace(b'<dimension ref="A1:D2"/>', b'<dimension ref="A1:XFD1048576"/>')
    assert lying != sheet
    started = time.perf_counter()
    assert scan(Source(replace_member(data, "xl/worksheets/sheet2.xml", lying))).ok
    assert time.perf_counter() - started < 2


def test_a_row_number_jump_is_stopped_at_the_row_limit(monkeypatch):
    monkeypatch.setattr(xlsx_read, "MAX_ROWS_PER_SHEET", 1000)
    data = small_book()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet = z.read("xl/worksheets/sheet2.xml")
    far = sheet.replace(b'<row r="2"', b'<row r="1000000"').replace(b'r="A2"', b'r="A1000000"')
    far = (
        far.replace(b'r="B2"', b'r="B1000000"')
        .replace(b'r="C2"', b'r="C1000000"')
        .replace(b'r="D2"', b'r="D1000000"')
    )
    plan = scan(Source(replace_member(data, "xl/worksheets/sheet2.xml", far)))
    assert [i.row for i in plan.issues] == [1002]


def test_a_formula_where_a_value_is_expected_is_a_cell_problem():
    plan = scan(Source(small_book([("A", "张伟", "=B1", "采购部")])))
    assert [(i.row, i.column, i.reason.en) for i in plan.issues] == [
        (2, "C 层级/Layer", "formulas are not accepted; enter the value")
    ]


def test_a_file_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr(xlsx_read, "MAX_FILE_BYTES", 1000)
    assert "too large" in rejected(small_book())


def test_binary_junk_is_not_taken_for_csv():
    assert rejected(b"abc\x00def").startswith("not an .xlsx")


def test_text_in_an_unknown_encoding_is_refused():
    assert "encoding" in rejected(
        "客户名称,姓名\n".encode("utf-16-le").replace(b"\x00", b"\x01") + b"\xff\xfe\xfd"
    )


def test_openpyxl_parses_sheets_with_defusedxml():
    import openpyxl

    assert openpyxl.DEFUSEDXML is True


def test_a_text_file_named_xlsx_is_called_not_a_workbook_not_read_as_csv(tmp_path):
    """It was read as a CSV: "Accounts row 1, A hello: unknown column"."""
    fake = tmp_path / "book.xlsx"
    fake.write_text("hello,world\n1,2\n", encoding="utf-8")
    with pytest.raises(FileRejected) as caught:
        Source(fake)
    assert caught.value.reason.en.startswith("the file is named as an Excel workbook but is not one")
    with pytest.raises(FileRejected):
        Source(b"hello,world\n", name="Book1.XLSX")
    assert Source(b"\xe5\xae\xa2\xe6\x88\xb7\xe5\x90\x8d\xe7\xa7\xb0\n", name="accounts.csv").kind == "csv"
