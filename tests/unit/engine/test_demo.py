"""The demo deal raises exactly the expected findings (tests/data/demo-deal.expected.json)."""

import json
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from dealmap.engine import analyze, report_to_dict
from dealmap.interchange.dealfile import load_deal

EXPECTED = Path(__file__).parents[2] / "data" / "demo-deal.expected.json"


@pytest.fixture(scope="module")
def demo():
    text = resources.files("dealmap.demo").joinpath("demo-deal.json").read_text("utf-8")
    return load_deal(json.loads(text))


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads(EXPECTED.read_text("utf-8"))


def test_demo_raises_exactly_the_expected_findings(demo, expected):
    got = sorted((f.code, f.subject) for f in analyze(demo).findings)
    assert got == sorted((f["code"], f["subject"]) for f in expected["findings"])


def test_demo_balance_matches_to_three_decimals(demo, expected):
    # B = (10·1 + 8·2 − 5·1 − 9·3 + 7·3 + 4·1) / (4·43) = 19/172 = 0.1105; within 0.001 of the file's 0.111.
    balance = analyze(demo).balance
    assert balance == pytest.approx(19 / 172)
    published = report_to_dict(analyze(demo))["balance"]
    assert published == 0.1105
    assert f"{published:.3f}" == f"{expected['balance']:.3f}"


def test_demo_uses_its_own_as_of(demo):
    assert analyze(demo).as_of == date(2026, 11, 27)


def test_demo_findings_are_sorted_by_severity_code_subject(demo):
    rank = {"critical": 0, "warning": 1, "info": 2}
    keys = [(rank[f.severity], f.code, f.subject) for f in analyze(demo).findings]
    assert keys == sorted(keys)


def test_demo_people_groups_and_influence(demo):
    people = {p.id: p for p in analyze(demo).people}
    assert {pid: p.group for pid, p in people.items()} == {
        "p1": "neutral",
        "p2": "supporter",
        "p3": "neutral",
        "p4": "opponent",
        "p5": "supporter",
        "p6": "unassessed",
        "p7": "neutral",
    }
    assert people["p1"].influenced_by == ("p2", "p5")  # p2 influences p1; p5 is close to p2
    assert people["p4"].influenced_by == ()
    assert people["p6"].strategy == "assess" and people["p4"].strategy == "isolate"


def test_demo_report_json_has_the_contract_shape(demo):
    data = json.loads(json.dumps(report_to_dict(analyze(demo)), ensure_ascii=False))
    assert data["format"] == "dealmap-report/1" and data["as_of"] == "2026-11-27"
    assert set(data) == {"format", "as_of", "score", "balance", "findings", "people"}
    assert set(data["score"]) == {"value", "parts"} and 0 <= data["score"]["value"] <= 100
    for f in data["findings"]:
        assert {"code", "severity", "stakeholders", "departments", "message", "action", "rule"} <= set(f)
        assert set(f["message"]) == {"zh", "en"} and set(f["action"]) == {"zh", "en"}
    for p in data["people"]:
        assert {"id", "level", "group", "strategy", "weight", "actions", "influenced_by"} <= set(p)
        assert all(set(a) == {"zh", "en", "rule"} for a in p["actions"])
