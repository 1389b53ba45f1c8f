"""Services: writes validate their input, keep history, and refuse cross-account links."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from dealmap.web.accounts.models import Person
from dealmap.web.accounts.services import account_create, person_create, person_key_next, relation_create
from dealmap.web.deals.services import assessment_record, interaction_record

pytestmark = pytest.mark.django_db


def test_person_create_numbers_keys_after_the_highest_in_use(rep):
    account = account_create(owner=rep, name="客户")
    first = person_create(account=account, name="甲", layer="decision", department="executive")
    person_create(account=account, name="乙", layer="decision", department="executive", key="p3")
    assert first.key == "p1"
    assert person_key_next(account=account) == "p4"


def test_person_create_rejects_an_unknown_layer(rep):
    account = account_create(owner=rep, name="客户")
    with pytest.raises(ValidationError):
        person_create(account=account, name="甲", layer="board", department="executive")


def test_relation_between_two_accounts_is_refused(rep):
    a = person_create(
        account=account_create(owner=rep, name="A"), name="甲", layer="decision", department="user"
    )
    b = person_create(
        account=account_create(owner=rep, name="B"), name="乙", layer="decision", department="user"
    )
    with pytest.raises(ValueError):
        relation_create(source=a, target=b, kind="influences")


def test_assessment_record_adds_history_without_overwriting(demo_deal, rep):
    person = Person.objects.get(account=demo_deal.account, key="p6")
    assessment_record(deal=demo_deal, person=person, date=date(2026, 11, 20), level=0, by=rep)
    assessment_record(
        deal=demo_deal, person=person, date=date(2026, 11, 20), level=2, evidence="同意", by=rep
    )
    levels = list(demo_deal.assessments.filter(person=person).values_list("level", flat=True))
    assert levels == [0, 2]


def test_assessment_record_refuses_a_level_out_of_range(demo_deal, rep):
    person = Person.objects.get(account=demo_deal.account, key="p6")
    with pytest.raises(ValidationError):
        assessment_record(deal=demo_deal, person=person, date=date(2026, 11, 20), level=5, by=rep)
    assert not demo_deal.assessments.filter(person=person).exists()


def test_assessment_record_refuses_an_unknown_signal(demo_deal, rep):
    person = Person.objects.get(account=demo_deal.account, key="p6")
    with pytest.raises(ValidationError):
        assessment_record(
            deal=demo_deal, person=person, date=date(2026, 11, 20), level=1, signals=["x"], by=rep
        )


def test_assessment_record_refuses_someone_outside_the_deal(demo_deal, rep):
    stranger = person_create(account=demo_deal.account, name="外人", layer="execution", department="other")
    with pytest.raises(ValidationError):
        assessment_record(deal=demo_deal, person=stranger, date=date(2026, 11, 20), level=1, by=rep)


def test_interaction_record_keeps_the_participants_in_order(demo_deal, rep):
    p5, p2 = (Person.objects.get(account=demo_deal.account, key=k) for k in ("p5", "p2"))
    interaction = interaction_record(
        deal=demo_deal, date=date(2026, 11, 26), participants=[p5, p2], channel="phone", trust_delta=1, by=rep
    )
    keys = [p.person.key for p in interaction.participations.order_by("position")]
    assert keys == ["p5", "p2"]


def test_interaction_record_needs_a_participant(demo_deal, rep):
    with pytest.raises(ValidationError):
        interaction_record(deal=demo_deal, date=date(2026, 11, 26), participants=[], by=rep)
