"""The person panel: fields, assessments appended, interactions, conflicts, suggestions, read-only replay."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from dealmap.web.deals.models import Assessment, Interaction

HTMX = {"HTTP_HX_REQUEST": "true"}
pytestmark = pytest.mark.django_db


def url(name: str, deal, key: str = "p4") -> str:
    return reverse(f"workspace:{name}", args=[deal.pk, key])


def test_the_panel_is_a_fragment_for_htmx_and_a_page_otherwise(rep_client, demo_deal):
    fragment = rep_client.get(url("person", demo_deal), **HTMX).content.decode()
    page = rep_client.get(url("person", demo_deal)).content.decode()
    assert fragment.lstrip().startswith('<div class="person-panel"') and "<html" not in fragment
    assert "<html" in page and "周文" in page


def test_the_panel_shows_the_history_with_its_evidence_and_the_level_table(rep_client, demo_deal):
    html = rep_client.get(url("person", demo_deal)).content.decode()
    assert 'id="history-chart"' in html and 'id="history-data"' in html
    assert "在评审会上公开质疑我方架构" in html
    assert 'id="levels-data"' in html and "势不两立" in html


def test_a_person_of_another_deal_or_a_missing_key_answers_404(rep_client, demo_deal):
    assert rep_client.get(url("person", demo_deal, "p99")).status_code == 404


def test_recording_an_assessment_appends_it_and_returns_the_panel_with_the_new_analysis(
    rep_client, demo_deal
):
    before = list(Assessment.objects.filter(deal=demo_deal).values_list("pk", "level"))
    response = rep_client.post(
        url("assessment_create", demo_deal),
        {"level": "1", "date": "2026-11-27", "evidence": "愿意再谈一次", "signals": ["rebutted"]},
        **HTMX,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="person-panel"' in html and "愿意再谈一次" in html
    for region in ('id="score"', 'id="findings"', 'id="strategy"', 'id="map-data-box"', 'id="whatif"'):
        assert region + " class" in html or region in html
    assert html.count('hx-swap-oob="true"') == 5
    after = list(Assessment.objects.filter(deal=demo_deal).values_list("pk", "level"))
    assert after[: len(before)] == before and len(after) == len(before) + 1
    latest = Assessment.objects.filter(deal=demo_deal, person__key="p4").latest("date", "recorded_at", "id")
    assert (latest.level, latest.signals, latest.recorded_by.username) == (1, ["rebutted"], "rep")


def test_an_assessment_dated_in_the_future_is_refused_and_nothing_is_stored(
    rep_client, demo_deal, row_counts
):
    before = row_counts()
    response = rep_client.post(
        url("assessment_create", demo_deal), {"level": "2", "date": "2027-01-01"}, **HTMX
    )
    assert response.status_code == 422 and row_counts() == before


def test_a_level_outside_minus_four_to_four_is_refused(rep_client, demo_deal, row_counts):
    before = row_counts()
    response = rep_client.post(
        url("assessment_create", demo_deal), {"level": "5", "date": "2026-11-20"}, **HTMX
    )
    assert response.status_code == 422 and row_counts() == before


def test_another_rep_cannot_record_an_assessment(client, other_rep, demo_deal, row_counts):
    client.login(username=other_rep.username, password="dealmap-test-pw")
    before = row_counts()
    response = client.post(url("assessment_create", demo_deal), {"level": "4", "date": "2026-11-20"})
    assert response.status_code == 404 and row_counts() == before


def test_logging_an_interaction_stores_it_with_its_participants(rep_client, demo_deal):
    response = rep_client.post(
        url("interaction_create", demo_deal),
        {
            "date": "2026-11-26",
            "channel": "wechat",
            "participants": ["p4", "p3"],
            "summary": "技术澄清",
            "trust_delta": "1",
        },
        **HTMX,
    )
    assert response.status_code == 200 and "技术澄清" in response.content.decode()
    stored = Interaction.objects.get(deal=demo_deal, summary="技术澄清")
    assert [p.person.key for p in stored.participations.all()] == ["p4", "p3"] and stored.trust_delta == 1


def test_an_interaction_needs_a_participant(rep_client, demo_deal, row_counts):
    before = row_counts()
    response = rep_client.post(url("interaction_create", demo_deal), {"date": "2026-11-26"}, **HTMX)
    assert response.status_code == 422 and row_counts() == before


def person_form(demo_deal, key="p4", **changes) -> dict:
    part = demo_deal.parts.select_related("person").get(person__key=key)
    person = part.person
    data = {
        "name": person.name,
        "title": person.title,
        "layer": person.layer,
        "department": person.department,
        "reports_to": person.reports_to.key if person.reports_to else "",
        "buying_role": part.buying_role,
        "power": part.power or "",
        "authority": part.authority or "",
        "personal_need": person.personal_need,
        "change_style": person.change_style,
        "personal_wins": part.personal_wins,
        "objection_kind": part.objection_kind,
        "objection_text": part.objection_text,
        "notes": person.notes,
        "person_version": person.version,
        "part_version": part.version,
    }
    if part.is_coach:
        data["is_coach"] = "on"
    return {**data, **changes}


def test_saving_the_details_changes_the_person_and_their_part(rep_client, demo_deal):
    response = rep_client.post(
        url("person_save", demo_deal), person_form(demo_deal, title="CTO", power="5"), **HTMX
    )
    assert response.status_code == 200
    part = demo_deal.parts.select_related("person").get(person__key="p4")
    assert (part.person.title, part.power, part.person.version, part.version) == ("CTO", 5, 2, 2)


def test_saving_over_someone_elses_change_is_refused_as_a_conflict(rep_client, demo_deal):
    stale = person_form(demo_deal, title="mine")
    rep_client.post(url("person_save", demo_deal), person_form(demo_deal, title="theirs"), **HTMX)
    response = rep_client.post(url("person_save", demo_deal), stale, **HTMX)
    assert response.status_code == 409
    assert demo_deal.parts.get(person__key="p4").person.title == "theirs"


def test_a_bad_detail_is_refused(rep_client, demo_deal):
    response = rep_client.post(url("person_save", demo_deal), person_form(demo_deal, layer="board"), **HTMX)
    assert response.status_code == 422
    assert demo_deal.parts.get(person__key="p4").person.layer == "management"


def test_suggest_from_note_fills_the_form_for_the_user_to_confirm(rep_client, demo_deal, row_counts):
    before = row_counts()
    note = "他在会上公开说我们的方案不行,还把报价透露给了竞争对手"
    response = rep_client.post(url("note_read", demo_deal), {"evidence": note}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and 'id="assessment-box"' in html and note in html
    assert 'class="suggestion"' in html and row_counts() == before


def test_the_panel_in_replay_is_read_only(rep_client, demo_deal):
    html = rep_client.get(url("person", demo_deal) + "?as_of=2026-09-01", **HTMX).content.decode()
    assert "<fieldset disabled>" in html and "2026-09-01" in html
    assert "在评审会上公开质疑我方架构" not in html  # recorded on 2026-11-10


def test_apply_as_assessment_opens_the_form_at_the_chosen_level(rep_client, demo_deal):
    html = rep_client.get(url("person", demo_deal) + "?level=2", **HTMX).content.decode()
    assert 'name="level" min="-4" max="4" step="1" value="2"' in html


def test_a_future_clock_moves_the_default_date_of_the_forms(rep_client, demo_deal, fixed_today):
    fixed_today(date(2026, 12, 3))
    html = rep_client.get(url("person", demo_deal), **HTMX).content.decode()
    assert 'value="2026-12-03"' in html


def test_a_person_whose_key_has_a_slash_and_spaces_opens_and_takes_an_assessment(rep_client, demo_deal):
    person = demo_deal.parts.get(person__key="p6").person
    type(person).objects.filter(pk=person.pk).update(key="财务/吴 芳")
    assert (
        rep_client.get(reverse("workspace:person", args=[demo_deal.pk, "财务/吴 芳"]), **HTMX).status_code
        == 200
    )
    response = rep_client.post(
        reverse("workspace:assessment_create", args=[demo_deal.pk, "财务/吴 芳"]),
        {"level": "1", "date": "2026-11-27"},
        **HTMX,
    )
    assert response.status_code == 200
    assert Assessment.objects.filter(deal=demo_deal, person=person, level=1).exists()
    page = rep_client.get(reverse("deals:detail", args=[demo_deal.pk])).content.decode()
    assert 'data-key="财务/吴 芳"' in page
