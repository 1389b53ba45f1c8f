"""A customer person's rights in the web UI: export everything (JSON download) for anyone who may
see them; erase or anonymise, after a confirmation step, only for those who may edit."""

from __future__ import annotations

import json

import pytest
from access_world import client_for
from django.urls import reverse

from dealmap.web.accounts.models import Person
from dealmap.web.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def chen(demo_deal):
    return demo_deal.account.people.get(key="p1")


def _erase(client, person, *, confirm=True, mode="anonymise", version=None):
    data = {"version": person.version if version is None else version, "mode": mode}
    if confirm:
        data["confirm"] = "on"
    return client.post(reverse("accounts:person_erase", args=[person.pk]), data)


def test_the_owner_downloads_everything_about_a_person_as_json(rep, chen):
    response = client_for(rep).get(reverse("accounts:person_export", args=[chen.pk]))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["format"] == "dealmap-person-export/1" and data["person"]["name"] == "陈建国"
    assert AuditEntry.objects.filter(action="export", object_type="person", object_id=chen.pk).exists()


def test_the_team_manager_may_export_a_person_they_see(manager, chen):
    assert client_for(manager).get(reverse("accounts:person_export", args=[chen.pk])).status_code == 200


def test_another_rep_gets_404_for_the_export_and_nothing_is_audited(other_rep, chen):
    assert client_for(other_rep).get(reverse("accounts:person_export", args=[chen.pk])).status_code == 404
    assert not AuditEntry.objects.filter(action="export").exists()


def test_the_erase_page_explains_what_is_kept_before_anything_happens(rep, chen):
    response = client_for(rep).get(reverse("accounts:person_erase", args=[chen.pk]))
    text = response.content.decode()
    assert response.status_code == 200 and "保留" in text and 'name="confirm"' in text
    assert Person.objects.get(pk=chen.pk).name == "陈建国"


def test_the_team_manager_may_not_open_the_erase_page(manager, chen):
    assert client_for(manager).get(reverse("accounts:person_erase", args=[chen.pk])).status_code == 403


def test_another_rep_gets_404_for_the_erase_page(other_rep, chen):
    assert client_for(other_rep).get(reverse("accounts:person_erase", args=[chen.pk])).status_code == 404


def test_the_owner_anonymises_a_person_after_confirming(rep, chen):
    response = _erase(client_for(rep), chen)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:detail", args=[chen.account_id])
    person = Person.objects.get(pk=chen.pk)
    assert person.name == "[p1]" and person.title == ""
    assert AuditEntry.objects.filter(action="erase", object_id=chen.pk).exists()


def test_the_owner_deletes_a_person_after_confirming(rep, chen):
    assert _erase(client_for(rep), chen, mode="delete").status_code == 302
    assert not Person.objects.filter(pk=chen.pk).exists()


def test_without_the_confirmation_nothing_is_erased(rep, chen):
    response = _erase(client_for(rep), chen, confirm=False)
    assert response.status_code == 422 and "勾选" in response.content.decode()
    assert Person.objects.get(pk=chen.pk).name == "陈建国"


def test_a_stale_version_is_refused_and_nothing_is_erased(rep, chen):
    response = _erase(client_for(rep), chen, version=chen.version - 1 or 99)
    assert response.status_code == 409
    assert Person.objects.get(pk=chen.pk).name == "陈建国"


def test_the_team_manager_cannot_erase(manager, chen):
    assert _erase(client_for(manager), chen).status_code == 403
    assert Person.objects.get(pk=chen.pk).name == "陈建国"


def test_another_rep_gets_404_when_erasing(other_rep, chen):
    assert _erase(client_for(other_rep), chen).status_code == 404
    assert Person.objects.get(pk=chen.pk).name == "陈建国"


def test_the_drawer_offers_the_export_to_all_who_see_and_the_erasure_only_to_editors(
    rep, manager, demo_deal, chen
):
    url = reverse("workspace:person", args=[demo_deal.pk, "p1"])
    owner = client_for(rep).get(url, **HTMX).content.decode()
    looker = client_for(manager).get(url, **HTMX).content.decode()
    export, erase = (reverse(f"accounts:person_{n}", args=[chen.pk]) for n in ("export", "erase"))
    assert export in owner and erase in owner
    assert export in looker and erase not in looker


def test_the_erase_page_names_who_would_be_left_without_a_manager(rep, chen):
    """Deleting a boss silently cleared their reports' reporting lines."""
    reports = sorted(chen.reports.values_list("name", flat=True))
    assert reports  # the demo's general manager has people reporting to him
    text = client_for(rep).get(reverse("accounts:person_erase", args=[chen.pk])).content.decode()
    assert 'id="erase-reports"' in text and all(name in text for name in reports)
    leaf = Person.objects.filter(account=chen.account, reports__isnull=True).exclude(pk=chen.pk).first()
    assert (
        'id="erase-reports"'
        not in client_for(rep).get(reverse("accounts:person_erase", args=[leaf.pk])).content.decode()
    )
