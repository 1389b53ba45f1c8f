"""The xlsx layout: template, round trips, header and code variants, formula neutralisation, row problems."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from workbooks import book_bytes

from dealmap.interchange.dealfile import canonical, dump_deal, load_deal
from dealmap.interchange.sheets import SHEETS
from dealmap.interchange.xlsx import (
    ImportFailed,
    Known,
    Source,
    format_issues,
    read_deals,
    scan,
    template_workbook,
    write_workbook,
)
from dealmap.interchange.xlsx_read import parse_rows, unescape
from dealmap.interchange.xlsx_write import escape
from dealmap.interchange.xmltext import xml_safe


@pytest.fixture(scope="module")
def demo():
    data = json.loads(resources.files("dealmap.demo").joinpath("demo-deal.json").read_text("utf-8"))
    return load_deal(data)


def cells(data: bytes) -> dict[str, list[tuple]]:
    book = load_workbook(io.BytesIO(data))
    return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in book.worksheets}


def issues_of(data: bytes, known: Known | None = None) -> set[tuple[str, int, str]]:
    plan = scan(Source(data), known=known)
    return {(i.sheet, i.row, i.reason.en) for i in plan.issues}


ACCOUNTS = ["客户名称", "行业"]
PEOPLE = ["客户名称", "编号", "姓名", "层级", "部门", "汇报对象"]


# -- template -----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_template_has_every_sheet_with_headers_dropdowns_and_example_rows(lang):
    data = template_workbook(lang)
    book = load_workbook(io.BytesIO(data))
    for sheet in SHEETS:
        ws = book[sheet.name(lang)]
        assert [c.value for c in ws[1]] == [col.title(lang) for col in sheet.columns]
        assert ws.max_row >= 2, f"{sheet.key} has an example row"
    assert book["_lists"].sheet_state == "hidden"
    people = book["联系人" if lang == "zh" else "People"]
    listed = {str(dv.sqref): dv.formula1 for dv in people.data_validations.dataValidation}
    assert any(f.startswith("'_lists'!$") or f.startswith("_lists!$") for f in listed.values())


def test_untouched_template_imports_nothing():
    plan = scan(Source(template_workbook("zh")))
    assert plan.ok and plan.rows == 0


# -- round trips ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_deal_to_xlsx_and_back_is_the_same_deal(demo, lang):
    back = read_deals(Source(write_workbook([demo], lang=lang)))
    assert len(back) == 1
    assert canonical(dump_deal(back[0])) == canonical(dump_deal(replace(demo, as_of=None)))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_xlsx_to_deals_to_xlsx_is_identical(demo, lang):
    first = write_workbook([demo], lang=lang)
    second = write_workbook(read_deals(Source(first)), lang=lang)
    assert cells(first) == cells(second)


def test_portfolio_of_two_accounts_round_trips(demo):
    other = replace(demo, account=replace(demo.account, name="另一家客户"))
    other = replace(other, opportunity=replace(other.opportunity, name="二期"))
    back = read_deals(Source(write_workbook([demo, other])))
    assert [d.account.name for d in back] == [demo.account.name, "另一家客户"]
    assert canonical(dump_deal(back[1])) == canonical(dump_deal(replace(other, as_of=None)))


def test_people_who_share_a_name_are_referred_to_by_id(demo):
    p1, p2 = demo.stakeholders[:2]
    twin = replace(p2, name=p1.name)
    deal = replace(demo, stakeholders=(p1, twin, *demo.stakeholders[2:]))
    data = write_workbook([deal])
    parts = cells(data)["商机角色"]
    assert parts[1][2] == "p1" and parts[2][2] == "p2"
    assert canonical(dump_deal(read_deals(Source(data))[0])) == canonical(
        dump_deal(replace(deal, as_of=None))
    )


def test_levels_are_numbers_and_dates_are_dates(demo):
    book = load_workbook(io.BytesIO(write_workbook([demo])))
    row = [c for c in book["态度评估"][2]]
    assert isinstance(row[4].value, int) and row[4].data_type == "n"
    assert row[3].is_date


# -- formula injection ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+1", "-2 说明", "@SUM(A1)", "\tx", "\rx", "'q"])
def test_dangerous_text_is_neutralised_on_export_and_restored_on_import(demo, text):
    person = replace(demo.stakeholders[0], notes=text, title=text)
    deal = replace(demo, stakeholders=(person, *demo.stakeholders[1:]))
    data = write_workbook([deal])
    stored = cells(data)["联系人"][1]
    assert stored[9] == "'" + text and stored[3] == "'" + text
    back = read_deals(Source(data))[0]
    assert back.stakeholders[0].notes == text
    assert back.stakeholders[0].title == text.strip()  # a title is stored tidy, as a name is


@given(st.text(max_size=12).map(xml_safe))  # what a workbook can hold; the rest is left out on export
def test_escape_and_unescape_are_inverse(text):
    assert unescape(escape(text)) == text
    assert escape(text)[:1] not in ("=", "+", "-", "@", "\t", "\r")


# -- reading variants -----------------------------------------------------------------------------


def test_english_headers_codes_and_labels_in_any_order_are_accepted():
    data = book_bytes(
        {
            "Accounts": [["Account", "Industry"], ["ACME", "Steel"]],
            "People": [
                ["Department", "Name", "Layer", "Account", "Reports to"],
                ["purchasing", "Li", "Management layer", "ACME", "Wang"],
                ["决策层/总经办", "Wang", "decision", "ACME", None],
            ],
        }
    )
    plan = scan(Source(data))
    assert plan.ok, format_issues(plan.issues, "en")
    assert plan.counts["people"].created == 2
    assert plan.person_key("ACME", "", "Li") == "p1"
    assert plan.resolve("ACME", "Wang") == "p2"


def test_csv_people_sheet_in_gb18030_and_utf8_sig():
    text = "客户名称,姓名,层级,部门\n华东精密,张伟,管理层,采购部\n"

    class Existing(Known):
        def account_exists(self, account):
            return account == "华东精密"

    for encoded in (text.encode("gb18030"), text.encode("utf-8-sig")):
        plan = scan(Source(encoded), known=Existing())
        assert plan.ok and plan.counts["people"].created == 1


def test_existing_people_are_matched_by_name_and_new_ones_get_free_keys():
    class Existing(Known):
        def account_exists(self, account):
            return True

        def people(self, account):
            return [("p1", "张伟"), ("p2", "李娜")]

    data = book_bytes(
        {
            "联系人": [
                PEOPLE,
                ["A", None, "张伟", "管理层", "采购部", None],
                ["A", None, "王芳", "执行层", "其他", "张伟"],
            ]
        }
    )
    plan = scan(Source(data), known=Existing())
    assert plan.ok, format_issues(plan.issues, "en")
    assert (plan.counts["people"].created, plan.counts["people"].updated) == (1, 1)
    assert plan.person_key("A", "", "张伟") == "p1" and plan.person_key("A", "", "王芳") == "p3"


# -- preview counts ---------------------------------------------------------------------------------


def test_a_history_row_repeated_in_the_file_is_new_once(demo):
    """The commit stores a repeated assessment or interaction once; the preview counts it once."""
    twice = replace(
        demo,
        assessments=(*demo.assessments, demo.assessments[0], demo.assessments[0]),
        interactions=(*demo.interactions, demo.interactions[3]),
    )
    plan = scan(Source(write_workbook([twice])))
    assert plan.ok, format_issues(plan.issues, "en")
    assessments, interactions = plan.counts["assessments"], plan.counts["interactions"]
    assert (assessments.created, assessments.unchanged) == (len(demo.assessments), 2)
    assert (interactions.created, interactions.unchanged) == (len(demo.interactions), 1)


def test_the_same_history_row_in_two_deals_is_new_in_each(demo):
    other = replace(demo, opportunity=replace(demo.opportunity, name="另一个商机"))
    plan = scan(Source(write_workbook([demo, other])))
    assert plan.ok, format_issues(plan.issues, "en")
    assert plan.counts["assessments"].created == 2 * len(demo.assessments)
    assert plan.counts["interactions"].unchanged == 0


class Stored(Known):
    """Account A with people p1 张伟 and p2 李娜 (who reports to p1); rows change what ``changing`` names."""

    def __init__(self, *changing: str):
        self.changing = set(changing)

    def account_exists(self, account):
        return account == "A"

    def people(self, account):
        return [("p1", "张伟"), ("p2", "李娜")]

    def account_changes(self, account, values):
        return "account" in self.changing

    def person_changes(self, account, key, values):
        return key in self.changing

    def boss_changes(self, account, key, boss):
        return {"p1": None, "p2": "p1"}[key] != boss


def test_a_matched_row_is_an_update_only_when_the_known_says_it_changes_something():
    data = book_bytes(
        {
            "客户": [ACCOUNTS, ["A", "制造"]],
            "联系人": [
                PEOPLE,
                ["A", None, "张伟", "管理层", "采购部", None],
                ["A", None, "李娜", "执行层", "其他", "张伟"],
            ],
        }
    )
    for changing, accounts, people in [
        ((), (0, 0, 1), (0, 0, 2)),
        (("account", "p2"), (0, 1, 0), (0, 1, 1)),
    ]:
        plan = scan(Source(data), known=Stored(*changing))
        assert plan.ok, format_issues(plan.issues, "en")
        got = {
            k: (c.created, c.updated, c.unchanged)
            for k, c in plan.counts.items()
            if k in ("accounts", "people")
        }
        assert got == {"accounts": accounts, "people": people}


@pytest.mark.parametrize(
    ("zhang", "li", "updated"),
    [
        (None, "张伟", 0),  # as stored
        (None, "p1", 0),  # the same boss by ID
        ("李娜", None, 2),  # p1 now reports to p2, p2 to nobody
        (None, None, 1),  # an empty cell clears p2's line
        (None, "王芳", 1),  # a boss the file creates
    ],
)
def test_a_reports_to_line_alone_makes_a_stored_person_an_update(zhang, li, updated):
    rows = [PEOPLE, ["A", None, "张伟", "管理层", "采购部", zhang], ["A", None, "李娜", "执行层", "其他", li]]
    rows.append(["A", None, "王芳", "执行层", "其他", None])
    plan = scan(Source(book_bytes({"联系人": rows})), known=Stored())
    assert plan.ok, format_issues(plan.issues, "en")
    people = plan.counts["people"]
    assert (people.created, people.updated, people.unchanged) == (1, updated, 2 - updated)


def test_without_the_column_a_reports_to_line_is_left_as_stored():
    rows = [
        ["客户名称", "姓名", "层级", "部门"],
        ["A", "张伟", "管理层", "采购部"],
        ["A", "李娜", "执行层", "其他"],
    ]
    plan = scan(Source(book_bytes({"联系人": rows})), known=Stored())
    assert (plan.counts["people"].updated, plan.counts["people"].unchanged) == (0, 2)


# -- row problems -----------------------------------------------------------------------------------


def test_each_bad_cell_is_reported_by_sheet_row_and_column_in_both_languages():
    data = book_bytes(
        {
            "客户": [ACCOUNTS, ["A", "x"]],
            "联系人": [
                PEOPLE,
                ["A", None, "张伟", "管理层", "采购部", None],
                ["A", None, "李娜", "中层", "采购部", None],
                ["A", None, None, "管理层", "采购部", None],
                ["B", None, "王芳", "管理层", "采购部", None],
                ["A", None, "赵六", "管理层", "采购部", "无此人"],
            ],
            "态度评估": [
                ["客户名称", "商机名称", "姓名", "日期", "态度"],
                ["A", "X", "张伟", "2026-01-01", 5],
            ],
        }
    )
    plan = scan(Source(data))
    found = {(i.sheet, i.row, i.column) for i in plan.issues}
    assert ("people", 3, "D 层级/Layer") in found
    assert ("people", 4, "C 姓名/Name") in found
    assert ("people", 5, "客户名称/Account") in found
    assert ("people", 6, "汇报对象/Reports to") in found
    assert ("assessments", 2, "E 态度/Attitude") in found
    text = format_issues(plan.issues, "zh")
    assert "联系人 行 3, D 层级: 必须是以下之一：决策层、管理层、执行层" in text
    english = format_issues(plan.issues, "en")
    assert "must be between -4 and 4" in english
    # Each language names the column its own way, with its letter even for a reference.
    assert "People row 3, D Layer: must be one of" in english and "层级" not in english
    assert "People row 6, F Reports to:" in english and "联系人 行 6, F 汇报对象:" in text
    assert "People row 5, A Account:" in english


def test_ten_thousand_rows_with_three_bad_ones_report_exactly_those_three():
    rows = [PEOPLE] + [["A", None, f"人{i}", "管理层", "采购部", None] for i in range(10_000)]
    rows[1234][3] = "不存在的层级"
    rows[5000][4] = 42
    rows[9999][2] = "=1+1"
    data = book_bytes({"客户": [ACCOUNTS, ["A", None]], "联系人": rows})
    plan = scan(Source(data))
    assert [(i.sheet, i.row) for i in plan.issues] == [("people", 1235), ("people", 5001), ("people", 10000)]
    assert plan.issues[2].reason.en == "formulas are not accepted; enter the value"
    with pytest.raises(ImportFailed):
        read_deals(Source(data))


def test_cross_row_problems_are_found():
    data = book_bytes(
        {
            "客户": [ACCOUNTS, ["A", None], ["A", None]],
            "商机": [["客户名称", "商机名称"], ["A", "D"]],
            "联系人": [
                PEOPLE,
                ["A", None, "甲", "管理层", "采购部", "乙"],
                ["A", None, "乙", "管理层", "采购部", "甲"],
                ["A", None, "甲", "管理层", "采购部", None],
                ["A", "p9", "丙", "管理层", "采购部", None],
            ],
            "商机角色": [
                ["客户名称", "商机名称", "姓名", "采购角色"],
                ["A", "D", "甲", "拍板人"],
                ["A", "E", "甲", "拍板人"],
            ],
            "关系": [["客户名称", "从", "到", "关系类型"], ["A", "甲", "甲", "影响"]],
            "态度评估": [
                ["客户名称", "商机名称", "姓名", "日期", "态度"],
                ["A", "D", "丙", date(2026, 1, 1), 1],
            ],
        }
    )
    got = issues_of(data)
    assert ("accounts", 3, "repeats row 2") in got
    assert ("people", 4, SAME_NAME_EN) in got
    assert any(s == "people" and r.startswith("the reporting line forms a cycle") for s, _, r in got)
    assert ("parts", 3, "deal 'E' is neither in the Deals sheet nor one of the account's deals") in got
    assert ("relations", 2, "a relation needs two different people") in got
    assert any(s == "assessments" and r.startswith("this person has no part") for s, _, r in got)


SAME_NAME_EN = "another row of this account has the same name; if they are two people, give each row an ID"


def test_a_name_cell_of_only_invisible_characters_is_refused_like_an_empty_one():
    """A zero-width space or a direction mark shows nothing: no name, as on the web pages and in
    the API and a deal file."""
    data = book_bytes(
        {
            "客户": [ACCOUNTS, ["A", None], ["\u200b", "制造"]],
            "商机": [["客户名称", "商机名称"], ["A", " \u2060\u200b "]],
            "联系人": [PEOPLE, ["A", None, "\u202e", "管理层", "采购部", None]],
            "商机角色": [["客户名称", "商机名称", "姓名", "采购角色"], ["A", "D", "\ufeff", "拍板人"]],
        }
    )
    assert issues_of(data) == {
        ("accounts", 3, "is required"),
        ("deals", 2, "is required"),
        ("people", 2, "is required"),
        ("parts", 2, "is required"),
    }


def test_a_title_is_read_without_its_end_spaces_like_a_name():
    data = book_bytes(
        {
            "联系人": [
                ["客户名称", "姓名", "职务", "层级", "部门"],
                ["A", " 张伟 ", "  采购经理 ", "管理层", "采购部"],
            ]
        }
    )
    issues = []
    (row,) = parse_rows(Source(data), issues)
    assert (row.values["name"], row.values["title"], issues) == ("张伟", "采购经理", [])


def test_a_list_item_of_only_invisible_characters_is_left_out_like_an_empty_one():
    data = book_bytes(
        {
            "商机": [["客户名称", "商机名称", "竞争对手"], ["A", "D", "恒远软件; \u200b ;;鼎信科技"]],
            "商机角色": [
                ["客户名称", "商机名称", "姓名", "采购角色", "竞争对手倾向"],
                ["A", "D", "张伟", "拍板人", "恒远软件:1; \u200b:2"],
            ],
        }
    )
    issues = []
    (deal,) = parse_rows(Source(data), issues)
    assert deal.values["competitors"] == ("恒远软件", "鼎信科技")
    assert [(i.sheet, i.row, i.reason.en) for i in issues] == [
        ("parts", 2, "write competitor:0-3, several separated by ;")
    ]


def test_full_width_semicolons_and_colons_separate_as_half_width_ones_do():
    """A Chinese keyboard types "；" and "：" (written here as escapes: the characters themselves
    were once narrowed to ";" and ":" in the source, and the cell then held one competitor)."""
    data = book_bytes(
        {
            "商机": [["客户名称", "商机名称", "竞争对手"], ["A", "D", "恒远软件\uff1b鼎信科技\u3001华信"]],
            "商机角色": [
                ["客户名称", "商机名称", "姓名", "采购角色", "竞争对手倾向"],
                ["A", "D", "张伟", "拍板人", "恒远软件\uff1a2\uff1b鼎信科技\uff1a0"],
            ],
        }
    )
    issues = []
    deal, part = parse_rows(Source(data), issues)
    assert issues == []
    assert deal.values["competitors"] == ("恒远软件", "鼎信科技", "华信")
    assert part.values["competitor_affinity"] == (("恒远软件", 2), ("鼎信科技", 0))


def test_unknown_and_missing_columns_are_reported_on_the_header_row():
    data = book_bytes({"联系人": [["客户名称", "姓名", "层级", "Layr"], ["A", "x", "管理层", 1]]})
    got = issues_of(data)
    assert ("people", 1, "unknown column (a typo would drop data)") in got
    assert ("people", 1, "the required column 'Department' is missing") in got


def test_reporting_lines_between_new_people_resolve_forward_and_name_a_cycle_by_names():
    """New people without an ID are held as indexes until keys are assigned; names still read right."""
    data = book_bytes(
        {
            "客户": [ACCOUNTS, ["A", "制造"]],
            "联系人": [
                PEOPLE,
                ["A", None, "甲", "管理层", "采购部", "乙"],  # refers forward
                ["A", None, "乙", "管理层", "采购部", "丙"],
                ["A", None, "丙", "管理层", "采购部", "甲"],  # closes a cycle of three new people
                ["A", None, "丁", "管理层", "采购部", "戊"],
                ["A", None, "戊", "决策层", "采购部", None],
            ],
        }
    )
    plan = scan(Source(data))
    cycles = [i.reason.en for i in plan.issues if i.reason.en.startswith("the reporting line forms a cycle")]
    assert len(cycles) == 1 and len(plan.issues) == 1
    assert all(name in cycles[0] for name in "甲乙丙")
    assert [plan.person_key("A", "", n) for n in "甲乙丙丁戊"] == ["p1", "p2", "p3", "p4", "p5"]
    assert plan.resolve("A", "戊") == "p5" and plan.resolve("A", "p4") == "p4"


def test_a_later_row_with_an_id_makes_a_reference_by_that_name_ambiguous():
    data = book_bytes(
        {
            "客户": [ACCOUNTS, ["A", "制造"]],
            "联系人": [
                PEOPLE,
                ["A", None, "甲", "管理层", "采购部", "乙"],
                ["A", None, "乙", "决策层", "采购部", None],
                ["A", "p9", "乙", "决策层", "技术部", None],
            ],
        }
    )
    got = issues_of(data)
    assert got == {("people", 2, "several people are called '乙'; use the ID")}


def test_an_amount_the_databases_cannot_hold_exactly_is_refused_at_its_cell():
    """Below 10^13 with at most 2 decimals, as a number cell or as text: SQLite keeps 15 digits, so
    12345678901234.56 would come back as 12345678901234.60 and 1.005 would be rounded."""
    rows = [
        ["A", "ok", 9999999999999.99],
        ["A", "ok text", "1,234.50"],
        ["A", "large", 12345678901234.56],
        ["A", "limit", 10**13],
        ["A", "cents", 1.005],
        ["A", "cents text", "1.005"],
        ["A", "tiny", 0.00001],
    ]
    data = book_bytes(
        {
            "客户": [ACCOUNTS, ["A", None]],
            "商机": [["客户名称", "商机名称", "金额"], *rows],
        }
    )
    plan = scan(Source(data))
    found = {(i.sheet, i.row, i.column, i.reason.en, i.reason.zh) for i in plan.issues}
    large = ("must be less than 10,000,000,000,000 (10 trillion)", "必须小于 10,000,000,000,000（10 万亿）")
    cents = ("may have at most 2 decimal places (cents)", "最多只能有 2 位小数（精确到分）")
    assert found == {
        ("deals", 4, "C 金额/Amount", *large),
        ("deals", 5, "C 金额/Amount", *large),
        ("deals", 6, "C 金额/Amount", *cents),
        ("deals", 7, "C 金额/Amount", *cents),
        ("deals", 8, "C 金额/Amount", *cents),
    }
    assert "商机 行 6, C 金额: 最多只能有 2 位小数（精确到分）" in format_issues(plan.issues, "zh")
    good = book_bytes(
        {"客户": [ACCOUNTS, ["A", None]], "商机": [["客户名称", "商机名称", "金额"], *rows[:2]]}
    )
    amounts = {d.opportunity.name: d.opportunity.amount for d in read_deals(Source(good))}
    assert amounts == {"ok": 9999999999999.99, "ok text": 1234.5}


def test_a_workbook_with_the_former_chinese_sheet_and_column_names_is_read_the_same():
    """Sheets and columns now use the web's words (联系人, 接触记录, 个人收益); workbooks made before
    with 人员, 互动 and 个人赢 must still import."""
    data = book_bytes(
        {
            "人员": [["客户名称", "姓名", "层级", "部门"], ["A", "张伟", "管理层", "采购部"]],
            "商机角色": [
                ["客户名称", "商机名称", "姓名", "采购角色", "个人赢"],
                ["A", "D", "张伟", "拍板人", "升职"],
            ],
            "互动": [["客户名称", "商机名称", "日期", "参与人"], ["A", "D", "2026-11-20", "张伟"]],
        }
    )
    issues = []
    rows = {row.sheet: row.values for row in parse_rows(Source(data), issues)}
    assert issues == []
    assert set(rows) == {"people", "parts", "interactions"}
    assert rows["parts"]["personal_wins"] == "升职"
    assert [sheet.name("zh") for sheet in SHEETS if sheet.key in rows] == ["联系人", "商机角色", "接触记录"]


def test_a_header_matches_in_either_width_of_punctuation():
    """Templates made before the Chinese text went full-width say "需求?" and "(1-5)"."""
    from dealmap.interchange.sheets import normalise

    assert normalise("谁提出的这个需求?") == normalise("谁提出的这个需求\uff1f") == "谁提出的这个需求"
    assert normalise("权力(1-5)") == normalise("权力\uff081-5\uff09")


def test_a_row_with_a_bad_cell_is_reported_once_not_again_by_every_row_naming_it():
    """A deal row with a bad date made every deal-part row say the deal was not in the Deals
    sheet: 14 problems for one typo."""
    data = book_bytes(
        {
            "客户": [ACCOUNTS, ["A", "x"], ["B坏", "y"]],
            "商机": [["客户名称", "商机名称", "预计成交日期"], ["A", "WMS", "2027/13/01"]],
            "联系人": [
                PEOPLE,
                ["A", None, "张伟", "管理层", "采购部", None],
                ["A", None, "李娜", "中层", "采购部", None],
            ],
            "商机角色": [
                ["客户名称", "商机名称", "姓名", "采购角色"],
                ["A", "WMS", "张伟", "评估人"],
                ["A", "WMS", "李娜", "评估人"],
            ],
            "关系": [["客户名称", "发起人", "对象", "关系类型"], ["A", "张伟", "李娜", "影响"]],
        }
    )
    issues = scan(Source(data)).issues
    where = [(i.sheet, i.row) for i in issues]
    assert ("deals", 2) in where and ("people", 3) in where
    assert not [i for i in issues if i.sheet == "parts" and "WMS" in i.reason.zh], format_issues(issues, "zh")
    assert not [i for i in issues if i.sheet == "relations" and "李娜" in i.reason.zh], format_issues(
        issues, "zh"
    )
    # A name that no row defines is still reported.
    data = book_bytes(
        {
            "客户": [ACCOUNTS, ["A", "x"]],
            "商机角色": [["客户名称", "商机名称", "姓名", "采购角色"], ["A", "无此商机", "张伟", "评估人"]],
        }
    )
    assert any("无此商机" in i.reason.zh for i in scan(Source(data)).issues)


def test_an_assessment_or_interaction_dated_after_today_is_refused_at_its_date():
    """The web forms and the API refused a future date; the workbook stored an assessment of 2030."""
    from datetime import date, timedelta

    ahead = (date.today() + timedelta(days=3)).isoformat()
    data = book_bytes(
        {
            "客户": [ACCOUNTS, ["A", "x"]],
            "商机": [["客户名称", "商机名称"], ["A", "WMS"]],
            "联系人": [PEOPLE, ["A", None, "张伟", "管理层", "采购部", None]],
            "商机角色": [["客户名称", "商机名称", "姓名", "采购角色"], ["A", "WMS", "张伟", "评估人"]],
            "态度评估": [["客户名称", "商机名称", "姓名", "日期", "态度"], ["A", "WMS", "张伟", ahead, 1]],
            "接触记录": [["客户名称", "商机名称", "日期", "参与人"], ["A", "WMS", ahead, "张伟"]],
        }
    )
    issues = scan(Source(data)).issues
    found = {(i.sheet, i.row) for i in issues if "after today" in i.reason.en}
    assert found == {("assessments", 2), ("interactions", 2)}, format_issues(issues, "en")


def test_the_english_template_has_no_chinese_at_all():
    """Its example rows were the Chinese demo's (陈建国, 你们不用跑了…) under English headers."""
    import re

    from openpyxl import load_workbook

    from dealmap.interchange.xlsx import template_workbook

    cjk = re.compile(r"[\u4e00-\u9fff]")
    book = load_workbook(io.BytesIO(template_workbook("en")))
    found = [
        (ws.title, v)
        for ws in book.worksheets
        for row in ws.iter_rows(values_only=True)
        for v in row
        if isinstance(v, str) and cjk.search(v)
    ]
    assert found == []
    assert scan(Source(template_workbook("en"))).rows == 0  # the example rows are skipped on import
