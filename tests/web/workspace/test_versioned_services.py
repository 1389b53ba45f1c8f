"""The edit services refuse to overwrite a newer version and check what they are given."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from dealmap.web.accounts.services import person_update
from dealmap.web.core.conflicts import Conflict
from dealmap.web.deals.services import part_update, research_update

pytestmark = pytest.mark.django_db


def test_a_part_saved_with_an_old_version_raises_a_conflict(demo_deal):
    part = demo_deal.parts.get(person__key="p3")
    part_update(part=part, version=1, power=4)
    with pytest.raises(Conflict):
        part_update(part=demo_deal.parts.get(person__key="p3"), version=1, power=1)
    assert demo_deal.parts.get(person__key="p3").power == 4


def test_a_power_outside_one_to_five_is_refused(demo_deal):
    with pytest.raises(ValidationError):
        part_update(part=demo_deal.parts.get(person__key="p3"), version=1, power=9)


def test_research_update_changes_only_the_answers_given(demo_deal):
    research_update(deal=demo_deal, version=1, answers={"target_market": "  华东  "})
    demo_deal.refresh_from_db()
    assert demo_deal.research_target_market == "华东" and demo_deal.research_why.startswith("现有系统")


def test_research_update_refuses_an_unknown_question(demo_deal):
    with pytest.raises(ValueError):
        research_update(deal=demo_deal, version=1, answers={"budget": "100"})


def test_a_person_cannot_report_to_themself(demo_deal):
    person = demo_deal.parts.get(person__key="p3").person
    with pytest.raises(ValueError):
        person_update(person=person, version=person.version, reports_to=person)


def test_an_update_to_the_values_already_stored_changes_nothing_and_records_nothing(demo_deal):
    """No version bump (nobody else's form goes stale) and no history entry that records no change."""
    from dealmap.web.audit.models import AuditEntry

    part = demo_deal.parts.select_related("person__reports_to").get(person__key="p2")
    person = part.person
    entries = AuditEntry.objects.count()
    same_person = {name: getattr(person, name) for name in ("name", "title", "layer", "notes", "reports_to")}
    assert person_update(person=person, version=1, by=demo_deal.account.owner, **same_person).version == 1
    assert part_update(part=part, version=1, power=part.power, is_coach=part.is_coach).version == 1
    answers = dict(demo_deal.research_answers())
    assert research_update(deal=demo_deal, version=1, answers=answers).version == 1
    part.refresh_from_db()
    person.refresh_from_db()
    demo_deal.refresh_from_db()
    assert (person.version, part.version, demo_deal.version) == (1, 1, 1)
    assert AuditEntry.objects.count() == entries


def test_an_update_that_changes_one_value_still_checks_the_version_first(demo_deal):
    person = demo_deal.parts.get(person__key="p2").person
    person_update(person=person, version=1, title="CFO")
    with pytest.raises(Conflict):  # stale: even the values now stored do not pass with version 1
        person_update(person=demo_deal.parts.get(person__key="p2").person, version=1, title="CFO")
    assert demo_deal.parts.get(person__key="p2").person.version == 2
