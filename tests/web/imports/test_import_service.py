"""The import service on a real database: preview, atomic commit, matching by name, round trips."""

from __future__ import annotations

import io
import json

import pytest
from openpyxl import load_workbook
from workbooks import book_bytes

from dealmap.interchange.dealfile import canonical, dump_deal
from dealmap.interchange.xlsx import ImportFailed, Source, write_workbook
from dealmap.web.accounts.models import Account, Person
from dealmap.web.deals.domain import deal_to_domain
from dealmap.web.deals.models import Assessment, Deal, Part
from dealmap.web.imports.exports import deal_file, workbook_bytes
from dealmap.web.imports.services import workbook_import, workbook_preview

pytestmark = pytest.mark.django_db


def cells(data: bytes) -> dict[str, list[tuple]]:
    book = load_workbook(io.BytesIO(data))
    return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in book.worksheets}


def test_preview_counts_what_would_be_created_and_stores_nothing(rep, demo_domain, row_counts):
    before = row_counts()
    plan = workbook_preview(source=Source(write_workbook([demo_domain])), owner=rep)
    assert plan.ok
    assert (plan.counts["people"].created, plan.counts["assessments"].created) == (7, 9)
    assert row_counts() == before


def test_xlsx_to_database_to_xlsx_is_identical(rep, demo_domain):
    first = write_workbook([demo_domain])
    workbook_import(source=Source(first), owner=rep)
    deal = Deal.objects.get()
    assert cells(workbook_bytes([deal])) == cells(first)


def test_deal_file_to_database_to_deal_file_is_the_same_deal(rep, demo_file, fixed_today):
    from dealmap.interchange.dealfile import load_deal
    from dealmap.web.deals.services import deal_import

    stored = deal_import(deal=load_deal(demo_file), owner=rep)
    assert canonical(deal_file(stored)) == canonical(demo_file)


def test_importing_the_same_file_twice_changes_and_adds_nothing(rep, demo_domain):
    data = write_workbook([demo_domain])
    workbook_import(source=Source(data), owner=rep)
    plan = workbook_preview(source=Source(data), owner=rep)
    people = plan.counts["people"]
    assert (people.created, people.updated, people.unchanged) == (0, 0, 7)
    # the history is recorded already: the preview does not promise to record it again
    assert plan.counts["assessments"].created == plan.counts["interactions"].created == 0
    workbook_import(source=Source(data), owner=rep)
    assert Person.objects.count() == 7 and Assessment.objects.count() == 9 and Deal.objects.count() == 1


def test_a_changed_history_row_is_counted_as_new_and_the_rest_as_stored(rep, demo_domain):
    from dataclasses import replace

    workbook_import(source=Source(write_workbook([demo_domain])), owner=rep)
    first = demo_domain.assessments[0]
    changed = replace(demo_domain, assessments=(first._replace(evidence=first.evidence + "(补充)"),))
    plan = workbook_preview(source=Source(write_workbook([changed])), owner=rep)
    assert plan.counts["assessments"].created == 1
    workbook_import(source=Source(write_workbook([changed])), owner=rep)
    assert Assessment.objects.count() == 10


def test_people_are_matched_by_name_within_the_owners_account(rep, other_rep):
    account = Account.objects.create(owner=rep, name="华东精密")
    Person.objects.create(account=account, key="p1", name="张伟", layer="management", department="purchasing")
    Account.objects.create(owner=other_rep, name="华东精密")
    data = book_bytes(
        {
            "联系人": [
                ["客户名称", "姓名", "职务", "层级", "部门"],
                ["华东精密", "张伟", "采购总监", "管理层", "采购部"],
                ["华东精密", "王芳", "", "执行层", "使用部门"],
            ]
        }
    )
    workbook_import(source=Source(data), owner=rep)
    people = {p.name: p for p in account.people.all()}
    assert people["张伟"].key == "p1" and people["张伟"].title == "采购总监" and people["张伟"].version == 2
    assert people["王芳"].key == "p2"
    assert Account.objects.get(owner=other_rep).people.count() == 0


def test_another_reps_account_is_not_a_target(rep, other_rep, row_counts):
    Account.objects.create(owner=other_rep, name="别人的客户")
    data = book_bytes(
        {"联系人": [["客户名称", "姓名", "层级", "部门"], ["别人的客户", "张伟", "管理层", "采购部"]]}
    )
    before = row_counts()
    with pytest.raises(ImportFailed) as caught:
        workbook_import(source=Source(data), owner=rep)
    assert caught.value.issues[0].reason.en.startswith("account '别人的客户' is neither")
    assert row_counts() == before


def test_a_problem_in_the_last_sheet_stores_nothing_at_all(rep, demo_domain, row_counts):
    data = write_workbook([demo_domain])
    book = load_workbook(io.BytesIO(data))
    book["接触记录"].cell(row=5, column=4, value="查无此人")
    out = io.BytesIO()
    book.save(out)
    before = row_counts()
    with pytest.raises(ImportFailed) as caught:
        workbook_import(source=Source(out.getvalue()), owner=rep)
    assert [(i.sheet, i.row) for i in caught.value.issues] == [("interactions", 5)]
    assert row_counts() == before


def test_a_database_failure_mid_commit_rolls_everything_back(rep, demo_domain, row_counts, monkeypatch):
    from dealmap.web.imports import services

    def boom(self, row):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services._Writer, "row_relations", boom)
    before = row_counts()
    with pytest.raises(RuntimeError):
        workbook_import(source=Source(write_workbook([demo_domain])), owner=rep)
    assert row_counts() == before


def test_parts_sheet_updates_a_stored_part(rep, demo_deal):
    part = Part.objects.get(deal=demo_deal, person__key="p1")
    data = book_bytes(
        {
            "商机角色": [
                ["客户名称", "商机名称", "姓名", "采购角色", "权力"],
                [demo_deal.account.name, demo_deal.name, part.person.name, "审批人", 2],
            ]
        }
    )
    plan = workbook_import(source=Source(data), owner=demo_deal.account.owner)
    assert plan.counts["parts"].updated == 1
    part.refresh_from_db()
    assert (part.buying_role, part.power) == ("approver", 2)
    assert deal_to_domain(demo_deal).stakeholders[0].buying_role == "approver"


def test_exported_deal_file_loads_back_identically(rep, demo_domain):
    workbook_import(source=Source(write_workbook([demo_domain])), owner=rep)
    data = deal_file(Deal.objects.get())
    from dealmap.interchange.dealfile import load_deal

    assert canonical(json.loads(json.dumps(dump_deal(load_deal(data))))) == canonical(data)


def test_a_new_reporting_line_moves_the_version_on_so_a_stale_edit_is_refused(rep):
    """The import changed 小王's boss without a new version; an edit made from before the import
    then saved with its old version and silently put the old boss back."""
    from dealmap.web.accounts.services import person_update
    from dealmap.web.core.conflicts import Conflict

    account = Account.objects.create(owner=rep, name="华东精密")
    a = Person.objects.create(
        account=account, key="p1", name="老甲", layer="decision", department="executive"
    )
    Person.objects.create(account=account, key="p2", name="老乙", layer="decision", department="executive")
    wang = Person.objects.create(
        account=account, key="p3", name="小王", layer="management", department="user", reports_to=a
    )
    seen = wang.version
    data = book_bytes(
        {
            "联系人": [
                ["客户名称", "姓名", "层级", "部门", "汇报对象"],
                ["华东精密", "老甲", "决策层", "决策层/总经办", ""],
                ["华东精密", "老乙", "决策层", "决策层/总经办", ""],
                ["华东精密", "小王", "管理层", "使用部门", "老乙"],
            ]
        }
    )
    workbook_import(source=Source(data), owner=rep)
    wang.refresh_from_db()
    assert wang.reports_to.name == "老乙" and wang.version == seen + 1
    with pytest.raises(Conflict):
        person_update(person=wang, version=seen, reports_to=a, by=rep)
