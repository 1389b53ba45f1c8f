"""The deal page: map, findings, strategy board, score; the same queries at any size; history replay."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db


def page_of(client, deal, **query) -> str:
    response = client.get(reverse("deals:detail", args=[deal.pk]), query)
    assert response.status_code == 200
    return response.content.decode()


def map_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def finding_marks(html: str) -> set[tuple[str, str]]:
    findings = html.split('id="findings"', 1)[1].split('id="strategy"', 1)[0]
    return set(re.findall(r'data-finding-code="([A-Z_]+)" data-subject="([^"]*)"', findings))


def test_the_demo_deal_page_carries_exactly_the_expected_findings(rep_client, demo_deal, expected_findings):
    assert finding_marks(page_of(rep_client, demo_deal)) == expected_findings


def test_the_power_map_has_one_node_per_person_and_the_edges_of_the_deal(rep_client, demo_deal):
    data = map_data(page_of(rep_client, demo_deal))
    assert sorted(n["id"] for n in data["nodes"]) == [f"p{i}" for i in range(1, 8)]
    kinds = sorted(link["kind"] for link in data["links"])
    assert kinds.count("reports_to") == 6 and {"influences", "conflicts", "close"} <= set(kinds)


def test_the_map_places_the_decision_layer_above_management_and_execution(rep_client, demo_deal):
    nodes = {n["id"]: n for n in map_data(page_of(rep_client, demo_deal))["nodes"]}
    assert nodes["p1"]["y"] < nodes["p3"]["y"] < nodes["p7"]["y"]  # 总经理, 采购经理, 车间主任


def test_an_unassessed_person_is_drawn_hollow_and_the_decision_maker_is_marked(rep_client, demo_deal):
    nodes = {n["id"]: n for n in map_data(page_of(rep_client, demo_deal))["nodes"]}
    assert nodes["p6"]["level"] is None and nodes["p6"]["itemStyle"]["color"] == "#ffffff"
    assert nodes["p1"]["decisionMaker"] and nodes["p5"]["coach"]
    assert nodes["p4"]["level"] == -3 and nodes["p4"]["evidence"]


def test_the_strategy_board_has_the_four_columns_with_a_card_per_person(rep_client, demo_deal):
    html = page_of(rep_client, demo_deal)
    for label in ("强化支持者", "发展中立者", "孤立反对者", "先摸清态度"):
        assert label in html
    board = html.split('id="strategy"', 1)[1].split('id="research"', 1)[0]
    assert len(re.findall(r'class="board-card js-person" data-key="p\d+"', board)) == 7


def test_the_score_shows_its_four_parts(rep_client, demo_deal):
    html = page_of(rep_client, demo_deal)
    assert re.search(r'class="score-value" data-score="\d+"', html)
    for part in ("balance", "coverage", "champion_coach", "freshness"):
        assert f'data-part="{part}"' in html


def test_the_page_is_english_when_chosen(client, rep, demo_deal):
    client.login(username=rep.username, password="dealmap-test-pw")
    client.cookies["django_language"] = "en"
    html = page_of(client, demo_deal)
    assert "Reinforce supporters" in html and "Power map" in html and "Strategy board" in html


def test_another_reps_deal_answers_404(client, other_rep, demo_deal):
    client.login(username=other_rep.username, password="dealmap-test-pw")
    assert client.get(reverse("deals:detail", args=[demo_deal.pk])).status_code == 404


def test_the_manager_of_the_team_sees_the_deal_and_is_told_it_is_read_only(client, manager, rep, demo_deal):
    client.login(username=manager.username, password="dealmap-test-pw")
    response = client.get(reverse("deals:detail", args=[demo_deal.pk]))
    assert response.status_code == 200
    banner = response.content.decode().split('id="readonly-banner"', 1)[1].split("</div>", 1)[0]
    owner = rep.get_full_name() or rep.username
    assert "不能修改" in banner and owner in banner
    client.login(username=rep.username, password="dealmap-test-pw")
    assert (
        'id="readonly-banner"'
        not in client.get(reverse("deals:detail", args=[demo_deal.pk])).content.decode()
    )


def test_user_text_is_escaped_in_the_page_and_in_the_chart_data(rep_client, demo_deal):
    from dealmap.web.accounts.services import person_update

    person = demo_deal.parts.get(person__key="p2").person
    evil = "<img src=x onerror=alert(1)>"
    person_update(person=person, version=person.version, name=evil, notes=evil)
    html = page_of(rep_client, demo_deal)
    assert evil not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert map_data(html)["nodes"][1]["name"] == evil  # intact as data, escaped as \u003C in the element


def test_the_page_has_no_inline_script_and_sends_a_content_security_policy(rep_client, demo_deal):
    response = rep_client.get(reverse("deals:detail", args=[demo_deal.pk]))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-eval" not in policy
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", response.content.decode(), re.S)
    inline = [attrs for attrs, body in scripts if body.strip() and 'type="application/json"' not in attrs]
    assert inline == []
    assert not re.search(r"\son[a-z]+=", response.content.decode())


def test_the_deal_page_runs_the_same_number_of_queries_at_10_and_at_300_people(rep_client, deal_of_size):
    small, large = deal_of_size(10), deal_of_size(300)
    url = lambda deal: reverse("deals:detail", args=[deal.pk])  # noqa: E731
    rep_client.get(url(small))  # warm the session
    with CaptureQueriesContext(connection) as at_ten:
        assert rep_client.get(url(small)).status_code == 200
    with CaptureQueriesContext(connection) as at_size:
        assert rep_client.get(url(large)).status_code == 200
    assert len(at_size) == len(at_ten), [q["sql"][:80] for q in at_size.captured_queries]


def test_a_300_person_deal_draws_300_nodes(rep_client, deal_of_size):
    deal = deal_of_size(300)
    assert len(map_data(page_of(rep_client, deal))["nodes"]) == 300


# --- History replay --------------------------------------------------------------------------------


def test_replay_shows_the_deal_as_it_stood_that_day(rep_client, demo_deal):
    today = finding_marks(page_of(rep_client, demo_deal))
    html = page_of(rep_client, demo_deal, as_of="2026-09-01")
    assert "2026-09-01" in html and "replay-banner" in html
    then = map_data(html)
    # 周文 (p4) was assessed at 0 on 2026-08-01 and at -3 only on 2026-11-10.
    assert {n["id"]: n["level"] for n in then["nodes"]}["p4"] == 0
    assert ("SUP_POWERFUL_OPPONENT", "p4") in today
    assert ("SUP_POWERFUL_OPPONENT", "p4") not in finding_marks(html)


def test_replay_disables_every_form(rep_client, demo_deal):
    html = page_of(rep_client, demo_deal, as_of="2026-09-01")
    research = html.split('id="research"', 1)[1]
    assert "<fieldset disabled>" in research


def test_replay_hides_people_added_after_the_day_with_nothing_recorded_by_then(
    rep_client, demo_deal, fixed_today
):
    from dealmap.web.accounts.services import person_create
    from dealmap.web.deals.models import Part

    newcomer = person_create(account=demo_deal.account, name="新人", layer="management", department="finance")
    Part.objects.create(deal=demo_deal, person=newcomer, buying_role="user")
    names_today = {n["name"] for n in map_data(page_of(rep_client, demo_deal))["nodes"]}
    names_then = {n["name"] for n in map_data(page_of(rep_client, demo_deal, as_of="2026-10-01"))["nodes"]}
    assert "新人" in names_today and "新人" not in names_then


def test_the_apis_past_report_and_what_if_see_the_deal_as_the_page_does(
    rep_client, rep, demo_deal, fixed_today
):
    from dealmap.web.accounts.services import person_create
    from dealmap.web.deals.models import Part
    from dealmap.web.workspace.selectors import deal_workspace

    newcomer = person_create(account=demo_deal.account, name="新人", layer="management", department="finance")
    Part.objects.create(deal=demo_deal, person=newcomer, buying_role="user")
    day = "2026-10-01"
    page = deal_workspace(user=rep, pk=demo_deal.pk, as_of=date.fromisoformat(day))
    report = rep_client.get(f"/api/deals/{demo_deal.pk}/report?as_of={day}").json()
    assert report["score"]["value"] == page.report.score.value
    assert {p["id"] for p in report["people"]} == set(page.people) and newcomer.key not in page.people
    url = f"/api/deals/{demo_deal.pk}/what-if"
    answer = rep_client.post(url, {"as_of": day, "levels": {"p1": 4}}, content_type="application/json")
    assert answer.json()["score_before"] == page.report.score.value
    gone = rep_client.post(url, {"as_of": day, "levels": {newcomer.key: 4}}, content_type="application/json")
    assert gone.status_code == 422
    assert gone.json()["problems"][0]["message"] == f"2026-10-01 时这个商机中还没有“{newcomer.key}”这个人。"


def test_a_malformed_or_future_day_shows_today(rep_client, demo_deal):
    assert "replay-banner" not in page_of(rep_client, demo_deal, as_of="yesterday")
    assert "replay-banner" not in page_of(rep_client, demo_deal, as_of=str(date(2099, 1, 1)))
