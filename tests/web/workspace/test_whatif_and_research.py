"""The what-if sandbox stores nothing; the research answers are edited in place with a version check."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

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
