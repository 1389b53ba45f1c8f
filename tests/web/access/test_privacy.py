"""A customer person's rights: export everything about them; erase them across the account."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(rep):
    client = Client()
    client.force_login(rep)
    return client


@pytest.fixture
def chen(demo_deal):
    """p1 of the demo deal, with a note and an assessment that name them."""
    from dealmap.web.accounts.services import person_update
    from dealmap.web.deals.services import assessment_record

    person = demo_deal.account.people.get(key="p1")
    person = person_update(
        person=person, version=person.version, by=demo_deal.account.owner, notes="喜欢打高尔夫"
    )
    assessment_record(
        deal=demo_deal,
        person=person,
        date=date(2026, 11, 26),
        level=3,
        by=demo_deal.account.owner,
        evidence="私下说支持",
    )
    other = demo_deal.account.people.get(key="p2")
    person_update(
        person=other, version=other.version, by=demo_deal.account.owner, notes=f"和{person.name}关系很好"
    )
    return person


def test_the_export_holds_everything_about_the_person(api, chen):
    response = api.get(f"/api/people/{chen.pk}/export")
    data = response.json()
    assert response.status_code == 200 and data["person"]["name"] == chen.name
    assert data["person"]["notes"] == "喜欢打高尔夫"
    assert any(a["evidence"] == "私下说支持" for a in data["assessments"])
    assert data["parts"] and data["relations"] and any(e["object_type"] == "person" for e in data["audit"])


def test_someone_who_may_not_see_the_person_cannot_export_them(other_rep, chen):
    client = Client()
    client.force_login(other_rep)
    assert client.get(f"/api/people/{chen.pk}/export").status_code == 404


def test_anonymising_removes_identity_everywhere_but_keeps_levels_and_dates(api, chen, demo_deal):
    from dealmap.web.audit.models import AuditEntry
    from dealmap.web.deals.models import Assessment

    name, levels = chen.name, list(Assessment.objects.filter(person=chen).values_list("date", "level"))
    response = api.post(
        f"/api/people/{chen.pk}/erase", json.dumps({"version": chen.version}), content_type="application/json"
    )
    assert response.status_code == 200
    chen.refresh_from_db()
    assert chen.name == f"[{chen.key}]" and chen.notes == "" and chen.title == ""
    assert list(Assessment.objects.filter(person=chen).values_list("date", "level")) == levels
    assert not Assessment.objects.filter(person=chen).exclude(evidence="").exists()
    assert name not in demo_deal.account.people.get(key="p2").notes
    for entry in AuditEntry.objects.filter(account=demo_deal.account):
        assert name not in json.dumps([entry.before, entry.after], ensure_ascii=False)
        assert "喜欢打高尔夫" not in json.dumps([entry.before, entry.after], ensure_ascii=False)
    assert AuditEntry.objects.filter(object_id=chen.pk, action="erase").exists()


def test_erasing_with_delete_removes_the_person_and_their_history(api, chen, demo_deal):
    from dealmap.web.accounts.models import Person
    from dealmap.web.deals.models import Assessment

    response = api.post(
        f"/api/people/{chen.pk}/erase",
        json.dumps({"version": chen.version, "mode": "delete"}),
        content_type="application/json",
    )
    assert response.status_code == 200
    assert not Person.objects.filter(pk=chen.pk).exists()
    assert not Assessment.objects.filter(person_id=chen.pk).exists()


def test_erasing_with_delete_takes_the_interactions_only_they_took_part_in(api, chen, demo_deal):
    """p1 alone met us on 2026-09-10 and 2026-11-05; a meeting with nobody left in it made the
    deal's own file fail to load again (interactions[i].stakeholders must not be empty)."""
    from dealmap.interchange.dealfile import load_deal
    from dealmap.web.deals.models import Interaction
    from dealmap.web.imports.exports import deal_file

    before = Interaction.objects.filter(deal=demo_deal).count()
    response = api.post(
        f"/api/people/{chen.pk}/erase",
        json.dumps({"version": chen.version, "mode": "delete"}),
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["interactions_removed"] == 2
    assert Interaction.objects.filter(deal=demo_deal).count() == before - 2
    assert not Interaction.objects.filter(deal=demo_deal, participations__isnull=True).exists()
    load_deal(deal_file(demo_deal))  # the deal's file loads again


def test_a_manager_who_only_views_cannot_erase(manager, chen):
    client = Client()
    client.force_login(manager)
    response = client.post(
        f"/api/people/{chen.pk}/erase", json.dumps({"version": chen.version}), content_type="application/json"
    )
    assert response.status_code == 403
