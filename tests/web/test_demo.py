"""The demo deal is dated to look current, and its findings do not depend on the day it is loaded."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from dealmap.engine import analyze, report_to_dict
from dealmap.web.core.demo import demo_setup
from dealmap.web.deals.domain import deal_to_domain

pytestmark = pytest.mark.django_db

EXPECTED = Path(__file__).parents[1] / "data" / "demo-deal.expected.json"


def findings_on(day: date) -> set[tuple[str, str]]:
    deal = demo_setup(today=day, force=True).deal
    report = report_to_dict(analyze(deal_to_domain(deal, as_of=day), as_of=day))
    return {(f["code"], f["subject"]) for f in report["findings"]}


def test_demo_as_of_becomes_today(demo_file):
    day = date(2027, 6, 1)
    deal = demo_setup(today=day).deal
    shift = (day - date.fromisoformat(demo_file["as_of"])).days
    last_contact = max(deal.interactions.values_list("date", flat=True))
    assert last_contact == date.fromisoformat(demo_file["interactions"][-1]["date"]) + timedelta(days=shift)
    assert deal.expected_close == date.fromisoformat(demo_file["opportunity"]["expected_close"]) + timedelta(
        days=shift
    )


def test_demo_findings_are_the_same_on_any_day():
    assert findings_on(date(2026, 11, 27)) == findings_on(date(2028, 2, 29))


def test_demo_findings_are_those_the_method_expects():
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    wanted = {(f["code"], f["subject"]) for f in expected["findings"]}
    assert findings_on(date(2030, 1, 15)) == wanted


def test_demo_is_loaded_only_into_an_empty_database():
    assert demo_setup(today=date(2026, 11, 27)).deal is not None
    again = demo_setup(today=date(2026, 11, 28))
    assert again.deal is None and again.users_created == []
