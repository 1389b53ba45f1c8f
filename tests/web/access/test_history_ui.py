"""Per-object change history in the web UI: who, when, what, each field before → after; 404 for
anyone who may not see the object."""

from __future__ import annotations

import pytest
from access_world import client_for
from django.urls import reverse

from dealmap.method import codes

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def chen(demo_deal):
    """p1 of the demo deal, with a changed title and layer (one update entry)."""
    from dealmap.web.accounts.services import person_update

    person = demo_deal.account.people.get(key="p1")
    return person_update(
        person=person, version=person.version, by=demo_deal.account.owner, title="董事长", layer="management"
    )


def test_the_owner_sees_each_changed_field_of_a_person_before_and_after(rep, chen):
    response = client_for(rep).get(reverse("audit:person_history", args=[chen.pk]))
    text = response.content.decode()
    assert response.status_code == 200
    assert 'data-field="title"' in text and "总经理" in text and "董事长" in text
    assert "rep" in text and "职务" in text  # the actor, and the field's translated label


def test_a_changed_code_is_shown_with_its_label_in_the_active_language(rep, chen):
    zh = client_for(rep).get(reverse("audit:person_history", args=[chen.pk])).content.decode()
    en = client_for(rep, "en").get(reverse("audit:person_history", args=[chen.pk])).content.decode()
    assert codes.LAYERS.label("decision", "zh") in zh and codes.LAYERS.label("management", "zh") in zh
    assert codes.LAYERS.label("management", "en") in en and "title" in en.lower()


def test_an_htmx_request_gets_only_the_history_fragment(rep, chen):
    response = client_for(rep).get(reverse("audit:person_history", args=[chen.pk]), **HTMX)
    text = response.content.decode()
    assert response.status_code == 200 and "audit-list" in text and "<html" not in text


def test_without_htmx_the_history_is_a_whole_page(rep, chen):
    text = client_for(rep).get(reverse("audit:person_history", args=[chen.pk])).content.decode()
    assert "<html" in text and "audit-list" in text


def test_a_person_history_includes_their_assessments(rep, chen, demo_deal):
    from datetime import date

    from dealmap.web.deals.services import assessment_record

    assessment_record(deal=demo_deal, person=chen, date=date(2026, 11, 26), level=-3, by=rep)
    text = client_for(rep).get(reverse("audit:person_history", args=[chen.pk])).content.decode()
    assert 'data-field="level"' in text and "-3 " in text


def test_the_managers_of_the_owners_team_see_the_history(manager, chen):
    assert client_for(manager).get(reverse("audit:person_history", args=[chen.pk])).status_code == 200


def test_another_rep_gets_404_for_a_persons_history(other_rep, chen):
    assert client_for(other_rep).get(reverse("audit:person_history", args=[chen.pk])).status_code == 404


def test_another_teams_manager_gets_404_for_a_deals_history(other_manager, demo_deal):
    url = reverse("audit:deal_history", args=[demo_deal.pk])
    assert client_for(other_manager).get(url).status_code == 404


def test_the_owner_sees_a_deals_history(rep, demo_deal):
    response = client_for(rep).get(reverse("audit:deal_history", args=[demo_deal.pk]))
    assert response.status_code == 200 and "audit-entry" in response.content.decode()


def test_the_owner_sees_an_accounts_history(rep, demo_deal):
    response = client_for(rep).get(reverse("audit:account_history", args=[demo_deal.account_id]))
    assert response.status_code == 200 and demo_deal.account.name in response.content.decode()


def test_another_rep_gets_404_for_an_accounts_history(other_rep, demo_deal):
    url = reverse("audit:account_history", args=[demo_deal.account_id])
    assert client_for(other_rep).get(url).status_code == 404


def test_a_missing_object_answers_404_like_a_forbidden_one(rep, db):
    assert client_for(rep).get(reverse("audit:person_history", args=[999999])).status_code == 404


def test_an_accounts_history_holds_no_entry_of_another_account(rep, other_rep, demo_deal):
    from dealmap.web.accounts.services import account_create

    account_create(owner=other_rep, name="别人的客户", notes="别人的秘密")
    text = client_for(rep).get(reverse("audit:account_history", args=[demo_deal.account_id])).content.decode()
    assert "别人的客户" not in text and "别人的秘密" not in text


def test_the_person_drawer_the_deal_toolbar_and_the_account_page_link_to_the_history(rep, chen, demo_deal):
    client = client_for(rep)
    drawer = client.get(reverse("workspace:person", args=[demo_deal.pk, "p1"]), **HTMX).content.decode()
    deal = client.get(reverse("deals:detail", args=[demo_deal.pk])).content.decode()
    account = client.get(reverse("accounts:detail", args=[demo_deal.account_id])).content.decode()
    assert f'hx-get="{reverse("audit:person_history", args=[chen.pk])}"' in drawer
    assert reverse("audit:deal_history", args=[demo_deal.pk]) in deal
    assert reverse("audit:account_history", args=[demo_deal.account_id]) in account


def test_an_imports_counts_are_labelled_in_the_active_language(rep, demo_deal):
    text = client_for(rep).get(reverse("audit:deal_history", args=[demo_deal.pk])).content.decode()
    assert 'data-field="people"><th scope="row">联系人</th>' in text


def test_a_created_object_lists_its_values_once_not_against_empty_befores(rep, chen):
    """An import creates every person: a column of "—" beside each value said nothing."""
    import re

    text = client_for(rep, "en").get(reverse("audit:person_history", args=[chen.pk])).content.decode()
    entries = re.findall(r'<li class="audit-entry" data-action="(\w+)">(.*?)</li>', text, re.S)
    created = [body for action, body in entries if action == "create"]
    updated = [body for action, body in entries if action == "update"]
    assert created and updated
    assert all("one-sided" in body and "Before" not in body for body in created)
    assert all("Before" in body for body in updated)
    assert all('<span class="chip">Created</span>' in body for body in created)


def test_a_change_to_someones_part_in_a_deal_says_whose(rep, chen, demo_deal):
    """The deal's history said "修改 商机中的角色 — 内线 否→是" without saying of whom."""
    from dealmap.web.deals.models import Part
    from dealmap.web.deals.services import part_update

    part = Part.objects.get(deal=demo_deal, person=chen)
    part_update(part=part, version=part.version, by=rep, is_coach=not part.is_coach)
    html = client_for(rep).get(reverse("audit:deal_history", args=[demo_deal.pk])).content.decode()
    assert "商机中的角色 · 陈建国" in html
