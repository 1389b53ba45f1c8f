"""The what-if sandbox stores nothing and redraws the map; the research answers are edited in place
with a version check."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from dealmap.web.workspace.powermap import LEVEL_COLOURS

HTMX = {"HTTP_HX_REQUEST": "true"}
pytestmark = pytest.mark.django_db


def test_a_what_if_changes_the_score_and_findings_but_stores_nothing(rep_client, demo_deal, row_counts):
    before = row_counts()
    response = rep_client.post(
        reverse("workspace:whatif", args=[demo_deal.pk]), {"level_p4": "2", "level_p1": "3"}, **HTMX
    )
    html = response.content.decode()
    base, after = (
        int(x) for x in re.search(r'data-score-before="(\d+)" data-score-after="(\d+)"', html).groups()
    )
    assert after > base
    lost = html.split('class="finding-diff lost"', 1)[1]
    assert 'data-finding-code="SUP_POWERFUL_OPPONENT" data-subject="p4"' in lost
    assert 'data-finding-code="SUP_DECISION_MAKER_NOT_SUPPORTIVE" data-subject="p1"' in lost
    assert row_counts() == before


def test_a_what_if_at_the_current_levels_changes_nothing(rep_client, demo_deal):
    html = rep_client.post(
        reverse("workspace:whatif", args=[demo_deal.pk]), {"level_p4": "-3"}, **HTMX
    ).content.decode()
    assert re.search(r'data-score-before="(\d+)" data-score-after="\1"', html)
    assert "finding-diff" not in html


def test_a_what_if_ignores_levels_out_of_range_and_unknown_people(rep_client, demo_deal):
    html = rep_client.post(
        reverse("workspace:whatif", args=[demo_deal.pk]), {"level_p4": "9", "level_zz": "2"}, **HTMX
    ).content.decode()
    assert re.search(r'data-score-before="(\d+)" data-score-after="\1"', html)


def chart_data(html: str, element_id: str) -> dict:
    """The chart JSON in the page's ``<script type="application/json" id=element_id>``."""
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', html, re.S)
    assert match, f"no #{element_id} in the response"
    return json.loads(match.group(1))


def test_a_what_if_carries_the_map_with_the_moved_person_marked_and_everyone_else_as_recorded(
    rep_client, demo_deal
):
    page = rep_client.get(reverse("deals:detail", args=[demo_deal.pk])).content.decode()
    actual = chart_data(page, "map-data")
    html = rep_client.post(
        reverse("workspace:whatif", args=[demo_deal.pk]), {"level_p4": "2"}, **HTMX
    ).content.decode()
    hypothetical = chart_data(html, "whatif-map-data")
    real = {n["id"]: n for n in actual["nodes"]}
    moved = {n["id"]: n for n in hypothetical["nodes"]}
    assert real["p4"]["level"] == -3 and "whatIf" not in real["p4"]
    assert moved["p4"]["level"] == 2 and moved["p4"]["category"] == "supporter"
    assert moved["p4"]["whatIf"] == {"from": -3, "to": 2}
    assert moved["p4"]["itemStyle"]["color"] == LEVEL_COLOURS[2]
    assert moved["p4"]["itemStyle"]["borderType"] == "dashed"
    shown = ("level", "category", "itemStyle", "x", "y", "symbolSize", "evidence")
    for key, node in real.items():
        if key != "p4":
            assert "whatIf" not in moved[key]
            assert {f: moved[key][f] for f in shown} == {f: node[f] for f in shown}, key
    assert (hypothetical["links"], hypothetical["bands"]) == (actual["links"], actual["bands"])


def test_a_what_if_that_moves_nobody_leaves_the_map_as_recorded(rep_client, demo_deal):
    html = rep_client.post(
        reverse("workspace:whatif", args=[demo_deal.pk]), {"level_p4": "-3"}, **HTMX
    ).content.decode()
    assert 'id="whatif-map-data"' not in html


def test_a_what_if_in_a_replay_runs_on_the_replayed_day(rep_client, demo_deal):
    day = "2026-09-01"
    page = rep_client.get(reverse("deals:detail", args=[demo_deal.pk]), {"as_of": day}).content.decode()
    assert f'<input type="hidden" name="as_of" value="{day}">' in page.split('id="whatif-form"', 1)[1]
    replayed = chart_data(page, "map-data")
    then = next(n["level"] for n in replayed["nodes"] if n["id"] == "p4")
    assert then != -3  # p4's level on that day is not today's
    html = rep_client.post(
        reverse("workspace:whatif", args=[demo_deal.pk]), {"level_p4": "3", "as_of": day}, **HTMX
    ).content.decode()
    score = int(re.search(r'class="score-value" data-score="(\d+)"', page).group(1))
    assert int(re.search(r'data-score-before="(\d+)"', html).group(1)) == score
    moved = chart_data(html, "whatif-map-data")
    assert [n["id"] for n in moved["nodes"]] == [n["id"] for n in replayed["nodes"]]
    assert next(n["whatIf"] for n in moved["nodes"] if n["id"] == "p4") == {"from": then, "to": 3}


def research_data(deal, **answers) -> dict:
    data = {code: answer for code, answer in deal.research_answers()}
    return {**data, "version": deal.version, **answers}


def test_answering_the_last_research_question_completes_it_and_clears_the_finding(rep_client, demo_deal):
    url = reverse("workspace:research", args=[demo_deal.pk])
    response = rep_client.post(url, research_data(demo_deal, target_market="华东三个生产基地的车间"), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and 'data-done="7" data-total="7"' in html
    assert "NEED_RESEARCH_INCOMPLETE" not in html.split('id="findings"', 1)[1]
    demo_deal.refresh_from_db()
    assert demo_deal.research_target_market == "华东三个生产基地的车间" and demo_deal.version == 2


def test_research_saved_over_a_newer_version_is_refused(rep_client, demo_deal):
    url = reverse("workspace:research", args=[demo_deal.pk])
    stale = research_data(demo_deal, why="mine")
    rep_client.post(url, research_data(demo_deal, why="theirs"), **HTMX)
    response = rep_client.post(url, stale, **HTMX)
    assert response.status_code == 409
    demo_deal.refresh_from_db()
    assert demo_deal.research_why == "theirs"
    assert "mine" in response.content.decode()  # the user's text is kept in the form


def test_another_rep_cannot_change_the_research(client, other_rep, demo_deal):
    client.login(username=other_rep.username, password="dealmap-test-pw")
    url = reverse("workspace:research", args=[demo_deal.pk])
    assert client.post(url, research_data(demo_deal, why="x")).status_code == 404
    demo_deal.refresh_from_db()
    assert demo_deal.research_why != "x"


def test_a_long_answer_the_api_or_a_workbook_stored_does_not_block_the_research_form(rep_client, demo_deal):
    # The API and a workbook cell take 10,000 characters; the form took 5,000 and then refused to
    # save any answer while a longer one stood beside it.
    demo_deal.research_why = "长" * 8000
    demo_deal.save()
    url = reverse("workspace:research", args=[demo_deal.pk])
    response = rep_client.post(url, research_data(demo_deal, target_market="华东"), **HTMX)
    assert response.status_code == 200
    demo_deal.refresh_from_db()
    assert demo_deal.research_target_market == "华东" and len(demo_deal.research_why) == 8000
    too_long = rep_client.post(url, research_data(demo_deal, who_proposed="字" * 10_001), **HTMX)
    assert too_long.status_code == 422
