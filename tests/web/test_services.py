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


def test_a_deal_file_import_leaves_a_trail_for_everything_it_writes(demo_deal, rep, demo_file):
    """Each object the import creates has its own entry, as when the forms or a workbook create
    it, so /history/person/N of an imported person is not empty."""
    from dealmap.web.audit.models import AuditEntry

    deal = demo_deal
    created = set(AuditEntry.objects.filter(action="create").values_list("object_type", "object_id"))
    account = deal.account
    assert ("account", account.pk) in created
    assert {("person", p.pk) for p in account.people.all()} <= created
    assert {("relation", r.pk) for r in account.relations.all()} <= created
    assert {("part", p.pk) for p in deal.parts.all()} <= created
    assert {("assessment", a.pk) for a in deal.assessments.all()} <= created
    assert {("interaction", i.pk) for i in deal.interactions.all()} <= created
    assert AuditEntry.objects.filter(action="import", object_type="deal", object_id=deal.pk).count() == 1
    interaction = deal.interactions.order_by("id").first()
    entry = AuditEntry.objects.get(action="create", object_type="interaction", object_id=interaction.pk)
    assert entry.after["participants"] == [p.pk for p in interaction.participants.all()]


def test_a_deal_file_imported_into_an_account_records_what_it_changed_in_a_stored_person(rep, demo_file):
    """A person matched by key and changed by the file (title, manager) gets an update entry with
    the fields before and after, and one new version, as an edit in the form would."""
    from dealmap.interchange.dealfile import load_deal
    from dealmap.web.audit.models import AuditEntry
    from dealmap.web.deals.services import deal_import

    first = deal_import(deal=load_deal(demo_file), owner=rep)
    p2 = first.account.people.get(key="p2")
    version = p2.version
    again = dict(demo_file, opportunity={**demo_file["opportunity"], "name": "二期"})
    for person in again["stakeholders"]:
        if person["id"] == "p2":
            person["title"] = "常务副总"
            person["reports_to"] = "p1" if person.get("reports_to") != "p1" else None
    deal_import(deal=load_deal(again), owner=rep, account=first.account)
    p2.refresh_from_db()
    (entry,) = AuditEntry.objects.filter(action="update", object_type="person", object_id=p2.pk)
    assert entry.before["title"] != "常务副总" and entry.after["title"] == "常务副总"
    assert "version" not in entry.after
    assert p2.version == version + 1
    untouched = first.account.people.exclude(pk=p2.pk).values_list("pk", flat=True)
    assert not AuditEntry.objects.filter(
        action="update", object_type="person", object_id__in=untouched
    ).exists()
