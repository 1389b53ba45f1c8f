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
