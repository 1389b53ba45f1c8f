"""Who may read and who may change a deal in the workspace; the trend fragment follows the same rule."""

from __future__ import annotations

import pytest
from django.urls import reverse

from dealmap.web.accounts.services import share_set

HTMX = {"HTTP_HX_REQUEST": "true"}
pytestmark = pytest.mark.django_db


@pytest.fixture
def viewer(client, other_rep, rep, demo_deal):
    """Another rep with whom the demo account is shared read-only, logged in."""
    share_set(account=demo_deal.account, user=other_rep, can_edit=False, by=rep)
    client.login(username=other_rep.username, password="dealmap-test-pw")
    return client


def test_a_read_only_colleague_sees_the_deal_with_every_form_disabled(viewer, demo_deal):
    html = viewer.get(reverse("deals:detail", args=[demo_deal.pk])).content.decode()
    assert "<fieldset disabled>" in html.split('id="research"', 1)[1]
    panel = viewer.get(reverse("workspace:person", args=[demo_deal.pk, "p4"]), **HTMX).content.decode()
    assert panel.count("<fieldset disabled>") == 3


def test_a_read_only_colleague_cannot_record_an_assessment(viewer, demo_deal, row_counts):
    before = row_counts()
    url = reverse("workspace:assessment_create", args=[demo_deal.pk, "p4"])
    assert viewer.post(url, {"level": "3", "date": "2026-11-20"}, **HTMX).status_code == 403
    assert row_counts() == before


def test_a_read_only_colleague_may_still_play_in_the_what_if_sandbox(viewer, demo_deal, row_counts):
    before = row_counts()
    response = viewer.post(reverse("workspace:whatif", args=[demo_deal.pk]), {"level_p4": "2"}, **HTMX)
    assert response.status_code == 200 and row_counts() == before
    assert 'id="whatif-map-data"' in response.content.decode()  # the map redraws for them too


def test_the_trend_has_seven_points_and_answers_404_to_a_stranger(rep_client, client, other_rep, demo_deal):
    html = rep_client.get(reverse("workspace:trend", args=[demo_deal.pk]), **HTMX).content.decode()
    assert 'data-points="7"' in html and 'id="trend-data"' in html
    client.login(username=other_rep.username, password="dealmap-test-pw")
    assert client.get(reverse("workspace:trend", args=[demo_deal.pk]), **HTMX).status_code == 404


def test_a_stranger_gets_404_from_the_interaction_note_reader_and_nothing_is_stored(
    client, other_rep, demo_deal, row_counts
):
    client.login(username=other_rep.username, password="dealmap-test-pw")
    before = row_counts()
    url = reverse("workspace:interaction_note_read", args=[demo_deal.pk, "p4"])
    assert client.post(url, {"summary": "他当面说支持，背后却在反对我们"}, **HTMX).status_code == 404
    assert row_counts() == before


def test_a_missing_person_gets_404_from_the_interaction_note_reader(rep_client, demo_deal):
    url = reverse("workspace:interaction_note_read", args=[demo_deal.pk, "p99"])
    assert rep_client.post(url, {"summary": "他当面说支持"}, **HTMX).status_code == 404


def test_a_read_only_colleague_gets_the_suggestion_but_only_a_disabled_interaction_form(
    viewer, demo_deal, row_counts
):
    before = row_counts()
    url = reverse("workspace:interaction_note_read", args=[demo_deal.pk, "p4"])
    response = viewer.post(url, {"summary": "他当面说支持，背后却在反对我们"}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and 'class="suggestion"' in html
    assert html.count("<fieldset disabled>") == 1 and "<fieldset>" not in html
    assert row_counts() == before
