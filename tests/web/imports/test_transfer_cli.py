"""`dealmap import`, `dealmap export` and `dealmap template` on the test database."""

from __future__ import annotations

import io
import json

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from dealmap.cli import app
from dealmap.interchange.dealfile import canonical

pytestmark = pytest.mark.django_db
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


def people_book(path, rows) -> str:
    book = Workbook()
    book.active.title = "客户"
    book.active.append(["客户名称"])
    book.active.append(["华东精密"])
    ws = book.create_sheet("联系人")
    ws.append(["客户名称", "姓名", "层级", "部门"])
    for row in rows:
        ws.append(list(row))
    book.save(path)
    return str(path)


def test_dry_run_previews_and_stores_nothing(tmp_path, rep, row_counts):
    before = row_counts()
    result = run(
        "import",
        people_book(tmp_path / "a.xlsx", [("华东精密", "张伟", "管理层", "采购部")]),
        "--dry-run",
        "--owner",
        "rep",
    )
    assert result.exit_code == 0, result.output
    assert "试运行" in result.output and row_counts() == before


def test_import_stores_and_reports_rows(tmp_path, rep, row_counts):
    result = run(
        "import",
        people_book(tmp_path / "a.xlsx", [("华东精密", "张伟", "管理层", "采购部")]),
        "--owner",
        "rep",
        "--lang",
        "en",
    )
    assert result.exit_code == 0, result.output
    assert "imported: 2 rows created, 0 updated, 0 unchanged" in result.output
    assert row_counts()["Person"] == 1


def test_row_problems_exit_2_listing_each_and_store_nothing(tmp_path, rep, row_counts):
    before = row_counts()
    rows = [
        ("华东精密", "张伟", "中层", "采购部"),
        ("华东精密", "李娜", "管理层", "采购部"),
        ("华东精密", "", "管理层", "x"),
    ]
    result = run("import", people_book(tmp_path / "a.xlsx", rows), "--owner", "rep", "--lang", "en")
    assert result.exit_code == 2
    assert "People row 2, C Layer" in result.output and "People row 4" in result.output
    assert "3 problems; nothing stored" in result.output
    assert row_counts() == before


def test_a_renamed_image_exits_2(tmp_path, rep):
    path = tmp_path / "photo.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    result = run("import", str(path), "--owner", "rep", "--lang", "en")
    assert result.exit_code == 2 and "not an .xlsx or .csv" in result.output


def test_a_deal_file_given_to_import_points_to_import_deal(tmp_path, demo_deal, row_counts):
    out = tmp_path / "deal.json"
    assert run("export", str(demo_deal.pk), "--format", "json", "-o", str(out)).exit_code == 0
    before = row_counts()
    result = run("import", str(out), "--owner", "rep")
    assert result.exit_code == 2 and "dealmap/1 商机文件请用 `dealmap import-deal`" in result.output
    assert row_counts() == before


def test_export_xlsx_reimports_cleanly_and_json_is_the_deal_file(tmp_path, demo_deal, demo_file):
    out = tmp_path / "deal.xlsx"
    assert run("export", str(demo_deal.pk), "--format", "xlsx", "-o", str(out)).exit_code == 0
    assert "联系人" in load_workbook(out).sheetnames
    again = run("import", str(out), "--owner", "rep", "--dry-run", "--lang", "en")
    assert again.exit_code == 0, again.output
    result = run("export", str(demo_deal.pk), "--format", "json")
    assert canonical(json.loads(result.stdout)) == canonical(demo_file)


def test_export_pptx_and_template(tmp_path, demo_deal):
    deck = tmp_path / "deck.pptx"
    assert (
        run("export", str(demo_deal.pk), "--format", "pptx", "--lang", "en", "-o", str(deck)).exit_code == 0
    )
    assert deck.read_bytes().startswith(b"PK")
    template = tmp_path / "t.xlsx"
    assert run("template", "-o", str(template)).exit_code == 0
    assert load_workbook(io.BytesIO(template.read_bytes())).sheetnames[1] == "客户"


def test_export_of_a_missing_deal_exits_2(demo_deal):
    assert run("export", "999999", "--format", "xlsx").exit_code == 2


def test_a_deal_id_of_unicode_digits_is_refused_like_any_non_number(demo_deal):
    result = run("export", "²")
    assert result.exit_code == 2 and "商机 id 必须是数字或 all" in result.output


def counts_of(output: str) -> dict[str, list[str]]:
    """The preview table printed by `dealmap import`: first cell → the other cells."""
    rows = {}
    for line in output.splitlines():
        cells = [c.strip() for c in line.strip("│┃ ").replace("┃", "│").split("│")]
        if len(cells) == 4:
            rows[cells[0]] = cells[1:]
    return rows


def test_reimporting_an_export_previews_every_row_as_unchanged(tmp_path, demo_deal, row_counts):
    out = tmp_path / "deal.xlsx"
    assert run("export", str(demo_deal.pk), "--format", "xlsx", "-o", str(out), "--lang", "en").exit_code == 0
    before = row_counts()
    result = run("import", str(out), "--owner", "rep", "--lang", "en")
    assert result.exit_code == 0, result.output
    counts = counts_of(result.output)
    assert counts["Sheet"] == ["Create", "Update", "Unchanged"]
    assert counts["People"] == ["0", "0", "7"] and counts["Interactions"] == ["0", "0", "12"]
    assert row_counts() == before
    assert "match what is stored: nothing to import, nothing stored" in result.output
    assert "imported" not in result.output


def test_an_import_names_the_id_of_each_deal_it_touched(tmp_path, demo_deal, other_rep):
    """There was no way to find the id of a deal just imported from a workbook."""
    from dealmap.web.deals.models import Deal

    book = tmp_path / "deal.xlsx"
    assert run("export", str(demo_deal.pk), "-o", str(book)).exit_code == 0
    result = run("import", str(book), "--owner", other_rep.username, "--lang", "en")
    assert result.exit_code == 0, result.output
    [copy] = Deal.objects.filter(account__owner=other_rep)
    assert f"deal {copy.pk}: {copy.account.name} · {copy.name}" in result.output.splitlines()
    # A file of people alone touches no deal: it names none (it listed every deal of the account).
    people = run(
        "import",
        people_book(tmp_path / "p.xlsx", [("华东精密", "新人", "管理层", "采购部")]),
        "--owner",
        "rep",
    )
    assert people.exit_code == 0, people.output
    assert "商机 " not in people.output and "已导入" in people.output


def test_rows_naming_an_account_they_cannot_use_are_one_problem_with_a_count(tmp_path, rep, row_counts):
    """A manager's import of a team's workbook listed the same refusal once per row (257 lines)."""
    before = row_counts()
    rows = [("别家公司", f"人{i}", "管理层", "采购部") for i in range(4)] + [
        ("华东精密", "", "管理层", "采购部")
    ]
    result = run("import", people_book(tmp_path / "a.xlsx", rows), "--owner", "rep", "--lang", "en")
    assert result.exit_code == 2 and row_counts() == before
    account_lines = [line for line in result.output.splitlines() if "别家公司" in line]
    assert len(account_lines) == 1 and account_lines[0].startswith("People row 2")
    assert account_lines[0].endswith(" (3 more rows name this account)")
    assert "2 problems; nothing stored" in result.output
