"""The `dealmap` database commands, run through typer's test runner on the test database."""

from __future__ import annotations

import copy
import json
import zipfile

import pytest
from typer.testing import CliRunner

from dealmap.cli import app
from dealmap.interchange.dealfile import canonical
from dealmap.web.deals.models import Deal
from dealmap.web.users.models import User

pytestmark = pytest.mark.django_db

runner = CliRunner()


def run(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


def write(tmp_path, data: dict, name: str = "deal.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_import_deal_prints_the_new_deal_id_as_the_last_line(rep, tmp_path, demo_file):
    result = run("import-deal", write(tmp_path, demo_file))
    assert result.exit_code == 0, result.stderr
    deal = Deal.objects.get(pk=int(result.stdout.strip().splitlines()[-1]))
    assert deal.name == demo_file["opportunity"]["name"]
    assert deal.account.owner == rep
    people = len(demo_file["stakeholders"])
    assert result.stdout.splitlines()[0].endswith(f": {people} 人")
    english = run("import-deal", write(tmp_path, demo_file), "--lang", "en")
    assert english.stdout.splitlines()[0].endswith(f": {people} people")


def test_import_deal_reads_standard_input(rep, demo_file):
    result = run("import-deal", "-", stdin=json.dumps(demo_file, ensure_ascii=False))
    assert result.exit_code == 0, result.stderr
    assert Deal.objects.filter(pk=int(result.stdout.splitlines()[-1])).exists()


def test_import_then_export_gives_the_demo_file_back(rep, tmp_path, demo_file, fixed_today):
    deal_id = run("import-deal", write(tmp_path, demo_file)).stdout.splitlines()[-1]
    out = tmp_path / "out.json"
    result = run("export-deal", deal_id, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["as_of"] == demo_file["as_of"]  # the clock is fixed on that day
    assert canonical(exported) == canonical(demo_file)


def test_export_deal_writes_to_stdout_by_default(demo_deal):
    result = run("export-deal", str(demo_deal.pk))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["format"] == "dealmap/1"


def test_export_of_an_unknown_deal_is_a_clear_error(db):
    result = run("export-deal", "999", "--lang", "en")
    assert result.exit_code == 2
    assert "no deal with id 999" in result.stderr


def _unknown_key(d):
    d["stakeholders"][0]["nmae"] = "typo"


def _wrong_type(d):
    d["stakeholders"][1]["power"] = "high"


def _out_of_range(d):
    d["assessments"][0]["level"] = 9


def _duplicate_id(d):
    d["stakeholders"][1]["id"] = "p1"


def _missing_reports_to(d):
    d["stakeholders"][1]["reports_to"] = "p99"


def _missing_relation_end(d):
    d["relations"][0]["to"] = "p99"


def _missing_assessed_person(d):
    d["assessments"][0]["stakeholder"] = "p99"


def _missing_participant(d):
    d["interactions"][0]["stakeholders"] = ["p5", "p99"]


BAD_INPUTS = {
    "unknown key": (_unknown_key, "stakeholders[0].nmae"),
    "wrong type": (_wrong_type, "stakeholders[1].power"),
    "out of range": (_out_of_range, "assessments[0].level"),
    "duplicate id": (_duplicate_id, "stakeholders[1].id"),
    "missing reports_to": (_missing_reports_to, "stakeholders[1].reports_to"),
    "missing relation end": (_missing_relation_end, "relations[0].to"),
    "missing assessed person": (_missing_assessed_person, "assessments[0].stakeholder"),
    "missing participant": (_missing_participant, "interactions[0].stakeholders[1]"),
}


@pytest.mark.parametrize("kind", BAD_INPUTS)
def test_bad_input_exits_2_names_the_path_and_stores_nothing(kind, rep, tmp_path, demo_file, row_counts):
    break_it, path = BAD_INPUTS[kind]
    data = copy.deepcopy(demo_file)
    break_it(data)
    before = row_counts()
    result = run("import-deal", write(tmp_path, data))
    assert result.exit_code == 2
    assert path + ":" in result.stderr
    assert result.stdout == ""
    assert row_counts() == before


def test_every_problem_of_a_bad_file_is_listed(rep, tmp_path, demo_file, row_counts):
    data = copy.deepcopy(demo_file)
    for break_it, _ in BAD_INPUTS.values():
        break_it(data)
    before = row_counts()
    result = run("import-deal", write(tmp_path, data), "--lang", "en")
    assert result.exit_code == 2
    for _, path in BAD_INPUTS.values():
        assert path + ":" in result.stderr, path
    assert row_counts() == before


def test_a_file_that_is_not_json_exits_2(rep, tmp_path, row_counts):
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    before = row_counts()
    result = run("import-deal", str(path))
    assert result.exit_code == 2 and result.stderr.strip()
    assert row_counts() == before


def test_import_with_an_unknown_owner_exits_2(rep, tmp_path, demo_file, row_counts):
    before = row_counts()
    result = run("import-deal", write(tmp_path, demo_file), "--owner", "nobody", "--lang", "en")
    assert result.exit_code == 2 and "no user 'nobody'" in result.stderr
    assert row_counts() == before


def test_import_without_users_asks_for_an_owner(db, tmp_path, demo_file):
    result = run("import-deal", write(tmp_path, demo_file), "--lang", "en")
    assert result.exit_code == 2 and "--owner" in result.stderr


def test_import_names_its_owner(rep, manager, tmp_path, demo_file):
    result = run("import-deal", write(tmp_path, demo_file), "--owner", "manager")
    assert result.exit_code == 0
    assert Deal.objects.get(pk=int(result.stdout.splitlines()[-1])).account.owner == manager


def test_demo_creates_the_users_and_loads_the_deal_once(db, fixed_today):
    first = run("demo")
    assert first.exit_code == 0, first.stderr
    assert "rep / dealmap" in first.stdout and "manager / dealmap" in first.stdout
    assert "http://127.0.0.1:8000/" in first.stdout
    second = run("demo")
    assert second.exit_code == 0
    assert Deal.objects.count() == 1
    assert set(User.objects.values_list("username", flat=True)) == {"rep", "manager"}
    rep, manager = User.objects.get(username="rep"), User.objects.get(username="manager")
    assert rep.check_password("dealmap") and manager.role == "manager" and manager.team == rep.team


def test_demo_force_loads_another_copy(db, fixed_today):
    run("demo")
    assert run("demo", "--force").exit_code == 0
    assert Deal.objects.count() == 2


# -- an --owner is a user who exists, is active and sees the deal: never ignored --------------------

#: Each way of exporting one deal: (--format, writes a file).
EXPORTS = {"xlsx": True, "pptx": True, "json": False}


@pytest.mark.parametrize("format", EXPORTS)
def test_export_of_one_deal_for_an_unknown_owner_fails_and_writes_nothing(format, demo_deal, tmp_path):
    out = tmp_path / f"deal.{format}"
    args = ["export", str(demo_deal.pk), "-f", format, "--owner", "nobody"]
    zh = run(*args, *(["-o", str(out)] if EXPORTS[format] else []))
    en = run(*args, "--lang", "en")
    assert (zh.exit_code, zh.stdout, zh.stderr) == (2, "", "没有用户 'nobody'\n")
    assert (en.exit_code, en.stdout, en.stderr) == (2, "", "no user 'nobody'\n")
    assert list(tmp_path.iterdir()) == []


def test_export_for_a_deactivated_owner_fails(demo_deal, other_rep, tmp_path):
    User.objects.filter(pk=other_rep.pk).update(is_active=False)
    for deal_id in (str(demo_deal.pk), "all"):
        result = run("export", deal_id, "--owner", other_rep.username, "-o", str(tmp_path / "x.xlsx"))
        assert (result.exit_code, result.stderr) == (2, f"用户 '{other_rep.username}' 已停用\n"), deal_id
    assert list(tmp_path.iterdir()) == []


def test_export_of_a_deal_the_owner_does_not_see_fails(demo_deal, other_rep, manager, tmp_path):
    out = tmp_path / "x.xlsx"
    result = run("export", str(demo_deal.pk), "--owner", other_rep.username, "-o", str(out), "--lang", "en")
    assert (result.exit_code, result.stderr) == (2, f"user 'rep2' sees no deal with id {demo_deal.pk}\n")
    assert not out.exists()
    seen = run(
        "export", str(demo_deal.pk), "-f", "json", "--owner", manager.username
    )  # rep's manager sees it
    assert seen.exit_code == 0 and json.loads(seen.stdout)["opportunity"]["name"] == demo_deal.name


def test_every_command_taking_a_username_refuses_an_unknown_one(demo_deal, tmp_path, demo_file, row_counts):
    before = row_counts()
    deal_file = write(tmp_path, demo_file)
    book = tmp_path / "book.xlsx"
    assert run("export", str(demo_deal.pk), "-o", str(book)).exit_code == 0
    for args in (
        ["export", str(demo_deal.pk), "--owner", "nobody"],
        ["export", "all", "--owner", "nobody"],
        ["import-deal", deal_file, "--owner", "nobody"],
        ["import", str(book), "--owner", "nobody"],
        ["import", str(book), "--owner", "nobody", "--dry-run"],
        ["token", "nobody"],
    ):
        result = run(*args, "--lang", "en")
        assert (result.exit_code, result.stderr) == (2, "no user 'nobody'\n"), args
    assert row_counts() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["book.xlsx", "deal.json"]


def test_export_takes_its_format_from_the_output_name_and_refuses_a_contradiction(demo_deal, tmp_path):
    """`export 1 -o report.pptx` wrote a workbook into report.pptx."""
    deck, book = tmp_path / "review.pptx", tmp_path / "deal.json"
    assert run("export", str(demo_deal.pk), "-o", str(deck)).exit_code == 0
    with zipfile.ZipFile(deck) as archive:
        assert any(name.startswith("ppt/") for name in archive.namelist())
    result = run("export", str(demo_deal.pk), "-f", "xlsx", "-o", str(book), "--lang", "en")
    assert result.exit_code == 2 and not book.exists()
    assert "--format xlsx does not match the output file's extension (deal.json)" in result.stderr
    again = run("export", str(demo_deal.pk), "-o", str(deck))
    assert again.exit_code == 2 and "已经存在" in again.stderr
    assert run("export", str(demo_deal.pk), "-o", str(deck), "--force").exit_code == 0
    json_out = tmp_path / "d.json"
    assert run("export", str(demo_deal.pk), "-o", str(json_out)).exit_code == 0
    assert json.loads(json_out.read_text("utf-8"))["format"] == "dealmap/1"


def test_export_to_a_name_of_another_kind_asks_for_the_format(demo_deal, tmp_path):
    """`export 1 -o z.docx` wrote an Excel workbook named .docx and said nothing."""
    docx = tmp_path / "z.docx"
    result = run("export", str(demo_deal.pk), "-o", str(docx), "--lang", "en")
    assert result.exit_code == 2 and not docx.exists()
    assert "z.docx does not end in .xlsx, .pptx or .json" in result.stderr
    named = tmp_path / "backup.bak"
    assert run("export", str(demo_deal.pk), "-o", str(named), "--format", "xlsx").exit_code == 0
    assert zipfile.is_zipfile(named)
