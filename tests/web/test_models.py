"""The database itself holds the invariants it can: ranges, known codes, uniqueness, append-only history."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from dealmap.web.accounts.models import Account, Person, Relation
from dealmap.web.deals.models import AppendOnlyError, Assessment, Deal, Interaction, Part

pytestmark = pytest.mark.django_db


@pytest.fixture
def account(rep):
    return Account.objects.create(owner=rep, name="测试客户")


@pytest.fixture
def person(account):
    return Person.objects.create(
        account=account, key="p1", name="甲", layer="decision", department="executive"
    )


@pytest.fixture
def other_person(account):
    return Person.objects.create(
        account=account, key="p2", name="乙", layer="management", department="technical"
    )


@pytest.fixture
def deal(account):
    return Deal.objects.create(account=account, name="测试商机")


def assert_rejected(create) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


@pytest.mark.parametrize("level", [-5, 5])
def test_assessment_level_outside_minus4_to_4_is_rejected_by_the_database(deal, person, level):
    assert_rejected(
        lambda: Assessment.objects.create(deal=deal, person=person, date=date(2026, 1, 1), level=level)
    )


@pytest.mark.parametrize("level", [-4, 0, 4])
def test_assessment_levels_at_the_bounds_are_stored(deal, person, level):
    Assessment.objects.create(deal=deal, person=person, date=date(2026, 1, 1), level=level)


@pytest.mark.parametrize("field,value", [("power", 0), ("power", 6), ("authority", 0), ("authority", 6)])
def test_part_power_and_authority_outside_1_to_5_are_rejected(deal, person, field, value):
    assert_rejected(
        lambda: Part.objects.create(deal=deal, person=person, buying_role="user", **{field: value})
    )


def test_part_with_unknown_power_is_stored_as_null(deal, person):
    part = Part.objects.create(deal=deal, person=person, buying_role="user")
    assert part.power is None and part.authority is None


def test_a_person_has_one_part_per_deal(deal, person):
    Part.objects.create(deal=deal, person=person, buying_role="user")
    assert_rejected(lambda: Part.objects.create(deal=deal, person=person, buying_role="evaluator"))


def test_the_same_person_can_sit_in_two_deals_of_the_account(account, deal, person):
    second = Deal.objects.create(account=account, name="第二个商机")
    Part.objects.create(deal=deal, person=person, buying_role="user")
    Part.objects.create(deal=second, person=person, buying_role="approver")
    assert person.parts.count() == 2


def test_unknown_buying_role_code_is_rejected(deal, person):
    assert_rejected(lambda: Part.objects.create(deal=deal, person=person, buying_role="boss"))


def test_person_key_is_unique_within_an_account(account, person):
    assert_rejected(
        lambda: Person.objects.create(
            account=account, key="p1", name="丙", layer="execution", department="user"
        )
    )


def test_the_same_person_key_may_exist_at_another_account(rep, person):
    other = Account.objects.create(owner=rep, name="另一个客户")
    Person.objects.create(account=other, key="p1", name="丁", layer="execution", department="user")


@pytest.mark.parametrize(
    "field,value", [("layer", "board"), ("department", "sales"), ("personal_need", "money")]
)
def test_person_codes_outside_the_method_are_rejected(account, field, value):
    fields = {"layer": "decision", "department": "executive", field: value}
    assert_rejected(lambda: Person.objects.create(account=account, key="px", name="戊", **fields))


@pytest.mark.parametrize("strength", [0, 4])
def test_relation_strength_outside_1_to_3_is_rejected(account, person, other_person, strength):
    assert_rejected(
        lambda: Relation.objects.create(
            account=account, source=person, target=other_person, kind="influences", strength=strength
        )
    )


def test_relation_from_a_person_to_themselves_is_rejected(account, person):
    assert_rejected(
        lambda: Relation.objects.create(account=account, source=person, target=person, kind="close")
    )


def test_relation_kind_must_be_known(account, person, other_person):
    assert_rejected(
        lambda: Relation.objects.create(account=account, source=person, target=other_person, kind="likes")
    )


@pytest.mark.parametrize("delta", [-4, 4])
def test_interaction_trust_delta_outside_minus3_to_3_is_rejected(deal, delta):
    assert_rejected(lambda: Interaction.objects.create(deal=deal, date=date(2026, 1, 1), trust_delta=delta))


def test_a_recorded_assessment_cannot_be_changed(deal, person):
    assessment = Assessment.objects.create(deal=deal, person=person, date=date(2026, 1, 1), level=1)
    assessment.level = 3
    with pytest.raises(AppendOnlyError):
        assessment.save()
    assessment.refresh_from_db()
    assert assessment.level == 1


def test_a_recorded_assessment_cannot_be_deleted(deal, person):
    assessment = Assessment.objects.create(deal=deal, person=person, date=date(2026, 1, 1), level=1)
    with pytest.raises(AppendOnlyError):
        assessment.delete()
    assert Assessment.objects.filter(pk=assessment.pk).exists()


def test_assessments_are_ordered_by_date_then_recording(deal, person):
    late = Assessment.objects.create(deal=deal, person=person, date=date(2026, 2, 1), level=2)
    first = Assessment.objects.create(deal=deal, person=person, date=date(2026, 1, 1), level=0)
    second_same_day = Assessment.objects.create(deal=deal, person=person, date=date(2026, 1, 1), level=1)
    assert list(deal.assessments.all()) == [first, second_same_day, late]
