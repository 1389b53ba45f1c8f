"""The import on a real database: what it records in the audit trail, and whose accounts it may touch."""

from __future__ import annotations

from collections import Counter

import pytest
from workbooks import book_bytes

from dealmap.interchange.xlsx import ImportFailed, Source, write_workbook
from dealmap.web.accounts.models import Account, AccountShare, Person, Relation
from dealmap.web.audit.models import AuditEntry
from dealmap.web.deals.models import Assessment, Deal, Interaction, Part
from dealmap.web.imports.services import workbook_import, workbook_preview

pytestmark = pytest.mark.django_db


def people_rows(account: str, *people: tuple[str, str]) -> bytes:
    rows = [["客户名称", "姓名", "职务", "层级", "部门"]]
    rows += [[account, name, title, "管理层", "采购部"] for name, title in people]
    return book_bytes({"人员": rows})


def entries(action: str) -> Counter:
    return Counter(AuditEntry.objects.filter(action=action).values_list("object_type", flat=True))


# -- the audit trail ----------------------------------------------------------------------------


def test_an_import_records_one_entry_per_created_object_and_a_summary(rep, demo_domain):
    workbook_import(source=Source(write_workbook([demo_domain])), owner=rep, filename="客户.xlsx")
    assert entries("create") == {
        "account": 1,
        "deal": 1,
        "person": Person.objects.count(),
        "part": Part.objects.count(),
        "relation": Relation.objects.count(),
        "assessment": Assessment.objects.count(),
        "interaction": Interaction.objects.count(),
    }
    account = Account.objects.get()
    assert set(AuditEntry.objects.values_list("account_id", flat=True)) == {account.pk}
    assert set(AuditEntry.objects.values_list("actor_name", flat=True)) == {rep.username}
    summary = AuditEntry.objects.get(action="import")
    assert (summary.object_type, summary.object_id) == ("account", account.pk)
    assert summary.after["file"] == "客户.xlsx"
    assert summary.after["counts"]["people"] == {"created": Person.objects.count(), "updated": 0}
    assert summary.after["counts"]["assessments"]["created"] == Assessment.objects.count()
    person = Person.objects.get(key="p1")
    created = AuditEntry.objects.get(action="create", object_type="person", object_id=person.pk)
    assert created.after["name"] == person.name
    interaction = Interaction.objects.order_by("id").first()
    entry = AuditEntry.objects.get(action="create", object_type="interaction", object_id=interaction.pk)
    assert entry.after["participants"] == list(
        interaction.participations.order_by("position").values_list("person_id", flat=True)
    )


def test_reimporting_an_unchanged_file_records_nothing(rep, demo_domain):
    data = write_workbook([demo_domain])
    workbook_import(source=Source(data), owner=rep)
    before = AuditEntry.objects.count()
    workbook_import(source=Source(data), owner=rep)
    assert AuditEntry.objects.count() == before


def test_an_update_records_only_the_changed_fields_before_and_after(rep):
    account = Account.objects.create(owner=rep, name="华东精密")
    person = Person.objects.create(
        account=account, key="p1", name="张伟", title="经理", layer="management", department="purchasing"
    )
    workbook_import(
        source=Source(people_rows("华东精密", ("张伟", "采购总监"))), owner=rep, filename="a.xlsx"
    )
    update = AuditEntry.objects.get(action="update")
    assert (update.object_type, update.object_id, update.account_id) == ("person", person.pk, account.pk)
    assert (update.before, update.after) == ({"title": "经理"}, {"title": "采购总监"})
    summary = AuditEntry.objects.get(action="import")
    assert summary.after == {"file": "a.xlsx", "counts": {"people": {"created": 0, "updated": 1}}}


def test_a_reporting_line_set_by_the_import_is_recorded(rep):
    data = book_bytes(
        {
            "人员": [
                ["客户名称", "姓名", "层级", "部门", "汇报对象"],
                ["华东精密", "张伟", "管理层", "采购部", "王芳"],
                ["华东精密", "王芳", "决策层", "采购部", ""],
            ]
        }
    )
    Account.objects.create(owner=rep, name="华东精密")
    workbook_import(source=Source(data), owner=rep)
    zhang, wang = Person.objects.get(name="张伟"), Person.objects.get(name="王芳")
    assert zhang.reports_to_id == wang.pk
    update = AuditEntry.objects.get(action="update", object_id=zhang.pk)
    assert (update.before, update.after) == ({"reports_to_id": None}, {"reports_to_id": wang.pk})


def test_a_failed_import_records_nothing(rep, demo_domain, monkeypatch):
    from dealmap.web.imports import services

    def boom(self, row):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services._Writer, "row_relations", boom)
    with pytest.raises(RuntimeError):
        workbook_import(source=Source(write_workbook([demo_domain])), owner=rep)
    assert AuditEntry.objects.count() == 0


# -- whose accounts an import may touch ----------------------------------------------------------


def _account_with_person(owner, name="华东精密") -> tuple[Account, Person]:
    account = Account.objects.create(owner=owner, name=name, notes="他人的备注")
    person = Person.objects.create(
        account=account, key="p1", name="张伟", title="经理", layer="management", department="purchasing"
    )
    return account, person


def test_an_edit_shared_account_is_matched_and_updated(rep, other_rep):
    account, person = _account_with_person(other_rep)
    AccountShare.objects.create(account=account, user=rep, can_edit=True)
    plan = workbook_preview(source=Source(people_rows("华东精密", ("张伟", "总监"))), owner=rep)
    assert plan.ok and (plan.counts["people"].created, plan.counts["people"].updated) == (0, 1)
    workbook_import(source=Source(people_rows("华东精密", ("张伟", "总监"))), owner=rep)
    person.refresh_from_db()
    assert person.title == "总监" and Account.objects.count() == 1
    assert AuditEntry.objects.get(action="update").actor_id == rep.pk


def test_an_administrator_imports_into_anyones_account(admin_user, other_rep):
    account, person = _account_with_person(other_rep)
    workbook_import(source=Source(people_rows("华东精密", ("张伟", "总监"))), owner=admin_user)
    person.refresh_from_db()
    assert person.title == "总监" and Account.objects.count() == 1


def test_the_users_own_account_wins_over_a_shared_one_of_the_same_name(rep, other_rep):
    shared, theirs = _account_with_person(other_rep)
    AccountShare.objects.create(account=shared, user=rep, can_edit=True)
    own, mine = _account_with_person(rep)
    workbook_import(source=Source(people_rows("华东精密", ("张伟", "总监"))), owner=rep)
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.title, theirs.title) == ("总监", "经理")


@pytest.mark.parametrize("who", ["view_share", "manager"])
def test_a_read_only_account_is_a_row_problem_and_nothing_is_written(
    who, rep, other_rep, manager, row_counts
):
    if who == "view_share":
        account, person = _account_with_person(other_rep)
        AccountShare.objects.create(account=account, user=rep, can_edit=False)
        user = rep
    else:  # the manager sees the team's account but does not edit it
        account, person = _account_with_person(rep)
        user = manager
    data = book_bytes(
        {
            "客户": [["客户名称", "备注"], ["华东精密", "改了"]],
            "人员": [
                ["客户名称", "姓名", "职务", "层级", "部门"],
                ["华东精密", "张伟", "总监", "管理层", "采购部"],
            ],
        }
    )
    plan = workbook_preview(source=Source(data), owner=user)
    assert [(i.sheet, i.row) for i in plan.issues] == [("accounts", 2), ("people", 2)]
    assert all("only view" in i.reason.en and "只有查看权限" in i.reason.zh for i in plan.issues)
    before = row_counts()
    with pytest.raises(ImportFailed):
        workbook_import(source=Source(data), owner=user)
    assert row_counts() == before and AuditEntry.objects.count() == 0
    account.refresh_from_db()
    person.refresh_from_db()
    assert (account.notes, person.title, person.version) == ("他人的备注", "经理", 1)


def test_an_invisible_account_of_the_same_name_is_neither_touched_nor_revealed(rep, other_rep):
    theirs, person = _account_with_person(other_rep)
    Deal.objects.create(account=theirs, name="二期项目")
    snapshot = (
        list(Account.objects.filter(pk=theirs.pk).values()),
        list(Person.objects.filter(account=theirs).values()),
        list(Deal.objects.filter(account=theirs).values()),
    )
    data = book_bytes(
        {
            "客户": [["客户名称", "备注"], ["华东精密", "我的"]],
            "商机": [["客户名称", "商机名称"], ["华东精密", "二期项目"]],
            "人员": [
                ["客户名称", "姓名", "职务", "层级", "部门"],
                ["华东精密", "张伟", "总监", "管理层", "采购部"],
            ],
        }
    )
    plan = workbook_preview(source=Source(data), owner=rep)
    # Everything is new for rep: nothing says an account, deal or person of that name exists.
    assert plan.ok
    assert {k: (c.created, c.updated) for k, c in plan.counts.items() if c.created or c.updated} == {
        "accounts": (1, 0),
        "deals": (1, 0),
        "people": (1, 0),
    }
    workbook_import(source=Source(data), owner=rep)
    mine = Account.objects.get(owner=rep)
    assert mine.pk != theirs.pk and mine.notes == "我的"
    assert mine.people.get().key == "p1" and mine.deals.get().name == "二期项目"
    assert snapshot == (
        list(Account.objects.filter(pk=theirs.pk).values()),
        list(Person.objects.filter(account=theirs).values()),
        list(Deal.objects.filter(account=theirs).values()),
    )
    assert not AuditEntry.objects.filter(account=theirs).exists()
