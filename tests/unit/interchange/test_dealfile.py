"""The deal file reader: every contract break is reported by JSON path; valid files round-trip."""

from __future__ import annotations

import copy
import json
from datetime import date
from importlib import resources

import pytest

from dealmap.interchange.dealfile import (
    DealFileError,
    canonical,
    dump_deal,
    load_deal,
    loads_deal,
    read_deal_file,
    shift_dates,
)


@pytest.fixture
def demo() -> dict:
    return json.loads(resources.files("dealmap.demo").joinpath("demo-deal.json").read_text("utf-8"))


def problems_of(data) -> dict[str, str]:
    with pytest.raises(DealFileError) as caught:
        load_deal(data)
    return {p.path: p.message.en for p in caught.value.problems}


def test_demo_file_loads_with_every_record(demo):
    deal = load_deal(demo)
    assert deal.as_of == date(2026, 11, 27)
    assert [p.id for p in deal.stakeholders] == ["p1", "p2", "p3", "p4", "p5", "p6", "p7"]
    assert len(deal.relations) == 4 and len(deal.assessments) == 9 and len(deal.interactions) == 12
    assert deal.stakeholders[2].objection.kind == "not_for_me"
    assert deal.stakeholders[3].competitor_affinity[0].strength == 3


def test_dump_then_load_gives_the_same_deal(demo):
    deal = load_deal(demo)
    assert load_deal(json.loads(json.dumps(dump_deal(deal)))) == deal


def test_canonical_ignores_key_and_unordered_list_order(demo):
    shuffled = copy.deepcopy(demo)
    shuffled["stakeholders"].reverse()
    shuffled["relations"].reverse()
    shuffled["interactions"].reverse()
    shuffled["stakeholders"][0] = dict(reversed(list(shuffled["stakeholders"][0].items())))
    assert canonical(shuffled) == canonical(demo)


def test_canonical_sees_a_changed_value(demo):
    changed = copy.deepcopy(demo)
    changed["assessments"][0]["level"] = 1
    assert canonical(changed) != canonical(demo)


def test_unknown_key_is_rejected_with_its_path(demo):
    demo["stakeholders"][3]["levle"] = 2
    demo["opportunity"]["research"]["budget"] = "x"
    assert problems_of(demo) == {
        "stakeholders[3].levle": "unknown key (a typo must not silently drop data)",
        "opportunity.research.budget": "unknown key (a typo must not silently drop data)",
    }


def test_a_key_written_twice_in_one_object_is_refused_with_its_path(demo, tmp_path):
    """JSON parsers keep the second "name" and drop the first without a word."""
    text = json.dumps(demo, ensure_ascii=False, indent=2)
    account = '"account": {'
    text = text.replace(account, account + '"name" : "别的公司",', 1)
    first = json.dumps(demo["stakeholders"][0]["id"])
    text = text.replace(f'"id": {first}', f'"id": {first}, "id": "p99"', 1)
    with pytest.raises(DealFileError) as caught:
        loads_deal(text)
    problems = {p.path: p.message.en for p in caught.value.problems}
    repeated = "appears more than once in the same object (only the last value would be kept)"
    assert {path for path, message in problems.items() if message == repeated} == {
        "account.name",
        "stakeholders[0].id",
    }
    assert problems["relations[0].to"] == "refers to unknown stakeholder 'p1'"  # listed beside the repeats
    # A repeat does not hide the file's other problems (every problem is listed, by path).
    with pytest.raises(DealFileError) as caught:
        loads_deal(text.replace(account, account + '"bogus": 1,', 1))
    assert {p.path for p in caught.value.problems} >= {"account.name", "stakeholders[0].id", "account.bogus"}
    assert "在同一个对象里出现了不止一次" in caught.value.problems[0].message.zh
    path = tmp_path / "deal.json"
    path.write_text(text.replace('"id": "p99"', '"id": ' + first, 1), encoding="utf-8")
    with pytest.raises(DealFileError):
        read_deal_file(str(path))
    assert read_deal_file(str(path), repeats=False).account.name == demo["account"]["name"]  # the last


def test_a_clean_file_is_screened_without_a_second_parse(demo):
    """The cheap count of key ends equals the keys parsed: no second parse for a clean file."""
    from dealmap.interchange.dealfile import _key_count

    raw = json.dumps(demo, ensure_ascii=False).encode()
    assert _key_count(json.loads(raw)) == raw.count(b'":')


def test_a_quote_and_colon_inside_a_value_is_no_repeated_key(demo):
    demo["account"]["notes"] = 'he said "price": too high'
    demo["opportunity"]["name"] = 'x" : y'
    assert loads_deal(json.dumps(demo, ensure_ascii=False)).account.notes == 'he said "price": too high'


@pytest.mark.parametrize(
    ("where", "value", "path", "message"),
    [
        (("stakeholders", 0, "power"), "5", "stakeholders[0].power", "must be a whole number"),
        (("stakeholders", 0, "power"), True, "stakeholders[0].power", "must be a whole number"),
        (("stakeholders", 0, "is_coach"), "yes", "stakeholders[0].is_coach", "must be true or false"),
        (("assessments", 0, "level"), 1.5, "assessments[0].level", "must be a whole number"),
        (("assessments", 0, "date"), "2026/09/10", "assessments[0].date", "must be a date as YYYY-MM-DD"),
        (("assessments", 0, "date"), "2026-02-30", "assessments[0].date", "must be a date as YYYY-MM-DD"),
        (("interactions", 0, "stakeholders"), "p5", "interactions[0].stakeholders", "must be a list"),
        (("opportunity", "amount"), "2800000", "opportunity.amount", "must be a number"),
        (("account", "name"), 7, "account.name", "must be a string"),
    ],
)
def test_wrong_type_is_rejected(demo, where, value, path, message):
    target = demo
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value
    assert problems_of(demo) == {path: message}


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        (("assessments", 0, "level"), 5, "must be between -4 and 4"),
        (("assessments", 0, "level"), -5, "must be between -4 and 4"),
        (("stakeholders", 0, "power"), 0, "must be between 1 and 5"),
        (("stakeholders", 0, "authority"), 6, "must be between 1 and 5"),
        (("interactions", 0, "trust_delta"), 4, "must be between -3 and 3"),
        (("relations", 0, "strength"), 0, "must be between 1 and 3"),
        (("stakeholders", 1, "competitor_affinity", 0, "strength"), 4, "must be between 0 and 3"),
    ],
)
def test_out_of_range_value_is_rejected(demo, where, value, message):
    target = demo
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value
    (found,) = problems_of(demo).values()
    assert found == message


def test_edge_values_are_accepted(demo):
    demo["assessments"][0]["level"] = -4
    demo["assessments"][1]["level"] = 4
    demo["stakeholders"][0]["power"] = 1
    demo["interactions"][0]["trust_delta"] = -3
    assert load_deal(demo).assessments[0].level == -4


def test_unknown_code_lists_the_allowed_ones(demo):
    demo["stakeholders"][0]["department"] = "sales"
    assert problems_of(demo) == {
        "stakeholders[0].department": "must be one of: executive, purchasing, technical, user, finance, other"
    }


def test_duplicate_id_names_the_first(demo):
    demo["stakeholders"][6]["id"] = "p1"
    found = problems_of(demo)
    assert found["stakeholders[6].id"] == "duplicate id 'p1' (first at stakeholders[0])"


@pytest.mark.parametrize(
    ("where", "path"),
    [
        (("stakeholders", 1, "reports_to"), "stakeholders[1].reports_to"),
        (("relations", 0, "from"), "relations[0].from"),
        (("relations", 0, "to"), "relations[0].to"),
        (("assessments", 2, "stakeholder"), "assessments[2].stakeholder"),
    ],
)
def test_reference_to_a_missing_id_is_rejected(demo, where, path):
    demo[where[0]][where[1]][where[2]] = "p99"
    assert problems_of(demo) == {path: "refers to unknown stakeholder 'p99'"}


def test_interaction_with_a_missing_participant_is_rejected(demo):
    demo["interactions"][3]["stakeholders"] = ["p2", "p99"]
    assert problems_of(demo) == {"interactions[3].stakeholders[1]": "refers to unknown stakeholder 'p99'"}


def test_every_problem_is_listed_at_once(demo):
    demo["assessments"][0]["level"] = 9
    demo["stakeholders"][0]["layer"] = "board"
    demo["interactions"][1]["stakeholders"] = ["nobody"]
    del demo["stakeholders"][2]["name"]
    assert set(problems_of(demo)) == {
        "assessments[0].level",
        "stakeholders[0].layer",
        "interactions[1].stakeholders[0]",
        "stakeholders[2].name",
    }


def test_reporting_cycle_and_self_relation_are_rejected(demo):
    demo["stakeholders"][0]["reports_to"] = "p4"  # p4 reports to p1
    demo["relations"][0]["to"] = "p2"  # p2 -> p2
    found = problems_of(demo)
    assert any("cycle" in message for message in found.values())
    assert found["relations[0]"] == "a relation needs two different people"


def test_missing_top_level_and_wrong_format(demo):
    del demo["account"]
    demo["format"] = "dealmap/2"
    assert problems_of(demo) == {"account": "is required", "format": 'must be "dealmap/1"'}


def test_not_an_object_and_not_json():
    assert problems_of([1, 2]) == {"": "must be an object"}
    with pytest.raises(DealFileError) as caught:
        loads_deal("{not json")
    assert caught.value.problems[0].message.en == "line 1, column 2: not valid JSON"
    with pytest.raises(DealFileError) as caught:
        loads_deal(b"\xff\xfe{")
    assert caught.value.problems[0].message.en == "the file is not UTF-8 text, so not a deal file (JSON)"


@pytest.mark.parametrize(
    ("text", "en"),
    [
        (b"", "the file is empty: a deal file is a JSON object"),
        (b" \n\t", "the file is empty: a deal file is a JSON object"),
        (b"PK\x03\x04\x14\x00rest of a zip", "this file is an Excel workbook (a zip), not a deal file"),
    ],
)
def test_a_file_that_is_no_json_at_all_says_what_it_is(text, en):
    """An empty file said "line 1, column 1: not valid JSON", a workbook "not UTF-8 text"."""
    with pytest.raises(DealFileError) as caught:
        loads_deal(text)
    [problem] = caught.value.problems
    assert problem.path == "" and problem.message.en.startswith(en) and problem.message.zh


def test_what_json_accepts_is_read_as_json_reads_it(demo):
    """The fast parser's refusals (NaN, a byte-order mark, a huge integer) fall back to json,
    so the validator, not the parser, names the problem, and the error position is json's."""
    text = json.dumps(demo, ensure_ascii=False)
    assert loads_deal(("\ufeff" + text).encode("utf-8")) == loads_deal(text)
    demo["opportunity"]["amount"] = float("nan")
    with pytest.raises(DealFileError) as caught:
        loads_deal(json.dumps(demo))
    assert {p.path: p.message.en for p in caught.value.problems} == {"opportunity.amount": "must be a number"}
    demo["opportunity"]["amount"] = 10**30  # beyond 64 bits: json reads it, the checker refuses it
    with pytest.raises(DealFileError) as caught:
        loads_deal(json.dumps(demo))
    assert {p.path: p.message.en for p in caught.value.problems} == {
        "opportunity.amount": "must be less than 10,000,000,000,000 (10 trillion)"
    }
    with pytest.raises(DealFileError) as caught:
        loads_deal('{"format": "dealmap/1",\n  "account": }')
    (problem,) = caught.value.problems
    assert problem.path == ""  # no JSON path in a text that is not JSON: the position is in the message
    assert problem.render("zh") == "第 2 行第 14 列：不是有效的 JSON"
    assert problem.render("en") == "line 2, column 14: not valid JSON"


def test_missing_file_is_a_deal_file_error(tmp_path):
    with pytest.raises(DealFileError) as caught:
        read_deal_file(str(tmp_path / "missing.json"))
    assert "cannot read" in caught.value.problems[0].message.en


def test_messages_exist_in_both_languages(demo):
    demo["assessments"][0]["level"] = 9
    with pytest.raises(DealFileError) as caught:
        load_deal(demo)
    message = caught.value.problems[0].message
    assert message.zh and message.en and message.zh != message.en


def test_shift_dates_moves_every_date_by_the_same_days(demo):
    deal = load_deal(demo)
    moved = shift_dates(deal, 10)
    assert moved.as_of == date(2026, 12, 7)
    assert moved.opportunity.expected_close == date(2027, 4, 10)
    assert [(a.date - b.date).days for a, b in zip(moved.assessments, deal.assessments, strict=True)] == [
        10
    ] * 9
    assert all(
        (a.date - b.date).days == 10 for a, b in zip(moved.interactions, deal.interactions, strict=True)
    )


@pytest.mark.parametrize(
    ("section", "key", "value", "path", "message"),
    [
        ("interactions", "channel", 5, "interactions[2].channel", "must be a string"),
        ("interactions", "summary", ["x"], "interactions[2].summary", "must be a string"),
        ("interactions", "signals", ["gossip"], "interactions[2].signals[0]", None),
        ("interactions", "signals", "perfunctory", "interactions[2].signals", "must be a list"),
        ("interactions", "stakeholders", [], "interactions[2].stakeholders", "must not be empty"),
        (
            "interactions",
            "stakeholders",
            ["p3", "p3"],
            "interactions[2].stakeholders[1]",
            "is listed more than once",
        ),
        ("interactions", "stakeholders", [["p3"]], "interactions[2].stakeholders[0]", "must be a string"),
        ("interactions", "trust_delta", False, "interactions[2].trust_delta", "must be a whole number"),
        ("assessments", "evidence", 0, "assessments[2].evidence", "must be a string"),
        ("assessments", "signals", ["perfunctory", "perfunctory"], "assessments[2].signals[1]", None),
        ("assessments", "stakeholder", ["p2"], "assessments[2].stakeholder", "must be a string"),
    ],
)
def test_a_bad_field_in_a_bulk_record_is_named(demo, section, key, value, path, message):
    demo[section][2][key] = value
    found = problems_of(demo)
    assert list(found) == [path]
    if message:
        assert found[path] == message


@pytest.mark.parametrize(
    ("where", "key"),
    [
        ("stakeholders", "layer"),
        ("stakeholders", "department"),
        ("stakeholders", "buying_role"),
        ("stakeholders", "change_style"),
        ("stakeholders", "personal_need"),
        ("relations", "kind"),
    ],
)
@pytest.mark.parametrize("value", [[], {}, ["executive"]])
def test_a_list_or_an_object_in_a_code_field_is_a_problem_not_a_crash(demo, where, key, value):
    demo[where][0][key] = value
    assert problems_of(demo) == {f"{where}[0].{key}": "must be a string"}


def test_an_amount_beyond_a_float_is_a_problem_not_a_crash(demo):
    demo["opportunity"]["amount"] = 10**400
    assert problems_of(demo) == {"opportunity.amount": "must be less than 10,000,000,000,000 (10 trillion)"}


def test_a_file_nested_beyond_any_deal_is_refused_not_a_crash():
    with pytest.raises(DealFileError) as caught:
        loads_deal("[" * 100_000)
    assert caught.value.problems[0].message.en == "is not a deal file: nested far too deeply"


@pytest.mark.parametrize(
    ("amount", "en", "zh"),
    [
        (
            12345678901234.56,
            "must be less than 10,000,000,000,000 (10 trillion)",
            "必须小于 10,000,000,000,000（10 万亿）",
        ),
        (
            999999999999999.9,
            "must be less than 10,000,000,000,000 (10 trillion)",
            "必须小于 10,000,000,000,000（10 万亿）",
        ),
        (
            10**13,
            "must be less than 10,000,000,000,000 (10 trillion)",
            "必须小于 10,000,000,000,000（10 万亿）",
        ),
        (1.005, "may have at most 2 decimal places (cents)", "最多只能有 2 位小数（精确到分）"),
        (0.001, "may have at most 2 decimal places (cents)", "最多只能有 2 位小数（精确到分）"),
        (-0.01, "must not be negative", "不能为负数"),
    ],
)
def test_an_amount_the_databases_cannot_hold_exactly_is_refused_at_its_path(demo, amount, en, zh):
    """SQLite keeps an amount in 15 significant digits: 12345678901234.56 would come back as
    12345678901234.60, and a third decimal would be rounded away. The file says so instead."""
    demo["opportunity"]["amount"] = amount
    with pytest.raises(DealFileError) as caught:
        loads_deal(json.dumps(demo))
    (problem,) = caught.value.problems
    assert (problem.path, problem.message.en, problem.message.zh) == ("opportunity.amount", en, zh)


@pytest.mark.parametrize("amount", [0, 0.5, 1.05, 2800000, 9999999999999.99, 9999999999999])
def test_an_amount_below_ten_trillion_in_cents_is_read_as_written(demo, amount):
    demo["opportunity"]["amount"] = amount
    assert loads_deal(json.dumps(demo)).opportunity.amount == amount


NAMES = [
    (("account", "name"), "account.name"),
    (("opportunity", "name"), "opportunity.name"),
    (("stakeholders", 2, "name"), "stakeholders[2].name"),
    (("opportunity", "competitors", 1), "opportunity.competitors[1]"),
    (
        ("stakeholders", 1, "competitor_affinity", 0, "competitor"),
        "stakeholders[1].competitor_affinity[0].competitor",
    ),
]


def parent(data: dict, where: tuple):
    """The object or list holding the value at ``where``."""
    for step in where[:-1]:
        data = data[step]
    return data


@pytest.mark.parametrize(("where", "path"), NAMES)
@pytest.mark.parametrize("name", ["\u200b", " \u200b\u2060\ufeff ", "\u202e"])
def test_a_name_of_only_invisible_characters_is_empty(demo, where, path, name):
    """A zero-width space or a direction mark shows nothing: no name, as on the web pages and in the API."""
    parent(demo, where)[where[-1]] = name
    expected = (
        "must not be empty: spaces and invisible characters (such as a zero-width space) alone are no name"
    )
    assert problems_of(demo) == {path: expected}


@pytest.mark.parametrize("where", [where for where, _ in NAMES])
def test_a_name_is_read_without_its_end_spaces(demo, where):
    expected = load_deal(copy.deepcopy(demo))
    holder = parent(demo, where)
    holder[where[-1]] = f" {holder[where[-1]]}\t"
    assert load_deal(demo) == expected
    assert canonical(demo) == canonical(dump_deal(expected))


def test_a_title_is_read_without_its_end_spaces(demo):
    demo["stakeholders"][3]["title"] = "  技术总监 "
    assert load_deal(demo).stakeholders[3].title == "技术总监"


def test_a_competitor_repeated_with_end_spaces_is_listed_twice(demo):
    demo["opportunity"]["competitors"] = ["恒远软件", " 恒远软件 "]
    demo["stakeholders"][1]["competitor_affinity"].append({"competitor": "恒远软件 ", "strength": 2})
    assert problems_of(demo) == {
        "opportunity.competitors[1]": "is listed more than once",
        "stakeholders[1].competitor_affinity[1].competitor": "is listed more than once",
    }


@pytest.mark.parametrize(
    ("name", "zh", "en"),
    [
        ("恒远;鼎信", "“;”", "“;”"),
        ("恒远、鼎信", "“、”", "“、”"),
        ("恒远\n鼎信", "换行", "a line break"),
    ],
)
def test_a_competitor_name_holding_a_list_separator_is_refused(demo, name, zh, en):
    """The workbook splits its competitors cell at these: such a name would come back as two."""
    demo["opportunity"]["competitors"][1] = name
    demo["stakeholders"][2]["competitor_affinity"][0]["competitor"] = name
    with pytest.raises(DealFileError) as caught:
        load_deal(demo)
    assert [(p.path, p.message.zh, p.message.en) for p in caught.value.problems] == [
        (
            path,
            f"竞争对手名称不能含有{zh}：工作簿用它分隔名称",
            f"a competitor's name cannot contain {en}: the workbook uses it to separate names",
        )
        for path in ("opportunity.competitors[1]", "stakeholders[2].competitor_affinity[0].competitor")
    ]


def test_a_competitor_name_ending_in_a_line_break_is_read_without_it(demo):
    demo["opportunity"]["competitors"][1] = "鼎信科技\n"
    assert load_deal(demo).opportunity.competitors == ("恒远软件", "鼎信科技")
