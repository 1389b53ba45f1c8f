"""Fixtures for the workspace tests: a logged-in client, htmx headers, deals of any size."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

PASSWORD = "dealmap-test-pw"
HTMX = {"HTTP_HX_REQUEST": "true"}
DEMO_AS_OF = date(2026, 11, 27)


@pytest.fixture
def rep_client(client, rep):
    assert client.login(username=rep.username, password=PASSWORD)
    return client


@pytest.fixture
def expected_findings() -> set[tuple[str, str]]:
    """(code, subject) of every finding the demo deal must show (the engine's own expectation file)."""
    path = Path(__file__).parents[2] / "data" / "demo-deal.expected.json"
    data = json.loads(path.read_text("utf-8"))
    return {(f["code"], f.get("subject", "")) for f in data["findings"]}


def sized_deal(people: int, *, as_of: date = DEMO_AS_OF):
    """An engine deal with ``people`` stakeholders, relations, assessments and interactions in proportion."""
    from dealmap.engine import model

    layers = ("decision", "management", "execution")
    departments = ("executive", "purchasing", "technical", "user", "finance", "other")
    stakeholders = tuple(
        model.Stakeholder(
            id=f"p{i}",
            name=f"人员{i}",
            title="经理",
            layer=layers[0] if i <= 2 else layers[1 + i % 2],
            department=departments[i % len(departments)],
            buying_role="decision_maker" if i == 1 else "influencer",
            reports_to=f"p{(i - 1) // 3 + 1}" if i > 1 else None,
            power=1 + i % 5,
            authority=1 + (i * 3) % 5,
            is_coach=i == 3,
        )
        for i in range(1, people + 1)
    )
    relations = tuple(
        model.Relation(source=f"p{i}", target=f"p{i + 1}", kind=("influences", "close", "conflicts")[i % 3])
        for i in range(1, people)
    )
    assessments = tuple(
        model.Assessment(
            stakeholder=f"p{i}", date=as_of - timedelta(days=10 + i % 50), level=(i % 9) - 4, evidence="原话"
        )
        for i in range(1, people + 1)
        if i % 4
    )
    interactions = tuple(
        model.Interaction(
            date=as_of - timedelta(days=i % 80), stakeholders=(f"p{i}", f"p{i % people + 1}"), summary="拜访"
        )
        for i in range(1, people + 1, 2)
    )
    return model.Deal(
        account=model.Account(name=f"客户{people}"),
        opportunity=model.Opportunity(name=f"商机{people}"),
        stakeholders=stakeholders,
        relations=relations,
        assessments=assessments,
        interactions=interactions,
        as_of=as_of,
    )


@pytest.fixture
def deal_of_size(rep, fixed_today):
    """Store a deal with a given number of people, owned by ``rep``."""
    from dealmap.web.deals.services import deal_import

    def build(people: int):
        return deal_import(deal=sized_deal(people), owner=rep)

    return build
