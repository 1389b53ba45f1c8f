"""The import preview tells the truth: its counts equal what the commit then does to the database.

A row matching a stored object is counted as an update only when it would change a stored value
(else as unchanged), and a history row repeated within the file is counted once, as it is stored
once. The commit's effect is measured on the database itself: every table's rows before and after.
"""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from dealmap.interchange.sheets import SHEETS
from dealmap.interchange.xlsx import Source, write_workbook
from dealmap.web.accounts.models import Account, Person, Relation
from dealmap.web.audit.models import AuditEntry
from dealmap.web.deals.models import Assessment, Deal, Interaction, InteractionParticipant, Part
from dealmap.web.imports.exports import workbook_bytes
from dealmap.web.imports.services import workbook_import, workbook_preview

pytestmark = pytest.mark.django_db

MODELS = {
    "accounts": Account,
    "deals": Deal,
    "people": Person,
    "parts": Part,
    "relations": Relation,
    "assessments": Assessment,
    "interactions": Interaction,
}
SKIP = {"created_at", "updated_at"}


def state() -> dict[str, dict[int, tuple]]:
    """Every stored row of the import's tables by sheet, as plain values (timestamps left out)."""
    out = {}
    for sheet, model in MODELS.items():
        names = [f.attname for f in model._meta.concrete_fields if f.name not in SKIP]
        out[sheet] = {row[0]: row for row in model.objects.values_list(*names).order_by("pk")}
    names = [f.attname for f in InteractionParticipant._meta.concrete_fields]
    out["participants"] = {r[0]: r for r in InteractionParticipant.objects.values_list(*names)}
    return out


def effect(before: dict, after: dict) -> dict[str, tuple[int, int]]:
    """(created, updated) per sheet between two states; nothing may have been deleted."""
    out = {}
    for sheet in MODELS:
        old, new = before[sheet], after[sheet]
        assert set(old) <= set(new), f"{sheet}: rows deleted"
        created = len(set(new) - set(old))
        updated = sum(1 for pk in old if old[pk] != new[pk])
        out[sheet] = (created, updated)
    return out


def promised(plan) -> dict[str, tuple[int, int]]:
    return {sheet: (plan.counts[sheet].created, plan.counts[sheet].updated) for sheet in MODELS}


def unchanged(plan) -> dict[str, int]:
    return {sheet: plan.counts[sheet].unchanged for sheet in MODELS if plan.counts[sheet].unchanged}


def preview_then_commit(data: bytes, owner) -> tuple:
    """The preview's counts, then the commit's effect on the database (asserted equal), and the plan."""
    before = state()
    plan = workbook_preview(source=Source(data), owner=owner)
    assert plan.ok, plan.issues[:3]
    assert state() == before  # the preview stores nothing
    committed = workbook_import(source=Source(data), owner=owner)
    done = effect(before, state())
    assert promised(plan) == done, "the preview promised something else than the commit did"
    assert promised(committed) == done, "the commit reports something else than it did"
    return plan, done


def rows_of(data: bytes) -> dict[str, int]:
    """Data rows per sheet key of a workbook written in Chinese."""
    book = load_workbook(io.BytesIO(data), read_only=True)
    titles = {s.name("zh"): s.key for s in SHEETS}
    return {titles[ws.title]: ws.max_row - 1 for ws in book.worksheets if ws.title in titles}


class Edit:
    """Change cells of a workbook by sheet name, data row (1 = first below the header) and header."""

    def __init__(self, data: bytes):
        self.book = load_workbook(io.BytesIO(data))

    def column(self, sheet: str, header: str) -> int:
        heads = [c.value for c in self.book[sheet][1]]
        return heads.index(header) + 1

    def set(self, sheet: str, row: int, header: str, value) -> Edit:
        self.book[sheet].cell(row=row + 1, column=self.column(sheet, header)).value = value
        return self

    def get(self, sheet: str, row: int, header: str):
        return self.book[sheet].cell(row=row + 1, column=self.column(sheet, header)).value

    def repeat(self, sheet: str, row: int) -> Edit:
        ws = self.book[sheet]
        ws.append([c.value for c in ws[row + 1]])
        return self

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.book.save(out)
        return out.getvalue()


# -- defect 1: a matched row that changes nothing is not an update -------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reimporting_a_fresh_export_promises_no_update_and_changes_nothing(demo_deal, lang):
    data = workbook_bytes([demo_deal], lang=lang)
    audit = AuditEntry.objects.count()
    plan, done = preview_then_commit(data, demo_deal.account.owner)
    assert done == {sheet: (0, 0) for sheet in MODELS}
    assert unchanged(plan) == {
        "accounts": 1,
        "deals": 1,
        "people": 7,
        "parts": 7,
        "relations": 4,
        "assessments": 9,
        "interactions": 12,
    }
    assert AuditEntry.objects.count() == audit


def test_each_row_counts_once_as_created_updated_or_unchanged(demo_deal):
    data = workbook_bytes([demo_deal])
    plan = workbook_preview(source=Source(data), owner=demo_deal.account.owner)
    counted = {key: c.created + c.updated + c.unchanged for key, c in plan.counts.items()}
    assert counted == rows_of(data)


def test_a_first_import_creates_everything_the_preview_promised(rep, demo_domain):
    plan, done = preview_then_commit(write_workbook([demo_domain]), rep)
    assert done["people"] == (7, 0) and done["assessments"] == (9, 0) and done["interactions"] == (12, 0)
    assert unchanged(plan) == {}


def test_only_rows_that_change_a_stored_value_are_updates(demo_deal):
    edit = Edit(workbook_bytes([demo_deal]))
    edit.set("客户", 1, "行业", "汽车零部件")  # the account
    edit.set("商机", 1, "金额", 3_100_000)  # the deal
    edit.set("联系人", 2, "职务", "生产副总")  # one person's field
    top = edit.get("联系人", 1, "姓名")
    assert edit.get("联系人", 3, "汇报对象") not in (None, top)
    edit.set("联系人", 3, "汇报对象", top)  # another's reports-to line only
    assert edit.get("商机角色", 4, "权力") != 1 and edit.get("关系", 2, "强度") != 1
    edit.set("商机角色", 4, "权力", 1)  # one part
    edit.set("关系", 2, "强度", 1)  # one relation
    edit.set("态度评估", 1, "依据", "补充了新的依据")  # a new assessment (history is added, not changed)
    plan, done = preview_then_commit(edit.bytes(), demo_deal.account.owner)
    assert done == {
        "accounts": (0, 1),
        "deals": (0, 1),
        "people": (0, 2),
        "parts": (0, 1),
        "relations": (0, 1),
        "assessments": (1, 0),
        "interactions": (0, 0),
    }
    assert unchanged(plan) == {
        "people": 5,
        "parts": 6,
        "relations": 3,
        "assessments": 8,
        "interactions": 12,
    }


def test_a_changed_reports_to_alone_is_an_update_of_the_person(demo_deal):
    edit = Edit(workbook_bytes([demo_deal]))
    assert edit.get("联系人", 1, "汇报对象") is None
    edit.set("联系人", 1, "汇报对象", edit.get("联系人", 2, "姓名"))  # p1 now reports to p2 …
    edit.set("联系人", 2, "汇报对象", None)  # … who no longer reports to p1 (no cycle)
    plan, done = preview_then_commit(edit.bytes(), demo_deal.account.owner)
    assert done["people"] == (0, 2) and plan.counts["people"].unchanged == 5


def test_an_empty_cell_clearing_a_stored_value_is_an_update(demo_deal):
    edit = Edit(workbook_bytes([demo_deal]))
    edit.set("客户", 1, "备注", None)
    edit.set("联系人", 4, "汇报对象", None)
    plan, done = preview_then_commit(edit.bytes(), demo_deal.account.owner)
    assert done["accounts"] == (0, 1) and done["people"] == (0, 1)


def test_a_new_person_in_an_existing_account_is_created_the_rest_unchanged(demo_deal):
    edit = Edit(workbook_bytes([demo_deal]))
    edit.repeat("联系人", 7).set("联系人", 8, "编号", None).set("联系人", 8, "姓名", "新同事")
    edit.set("联系人", 8, "汇报对象", edit.get("联系人", 1, "姓名"))
    plan, done = preview_then_commit(edit.bytes(), demo_deal.account.owner)
    assert done["people"] == (1, 0) and plan.counts["people"].unchanged == 7


def test_a_sheet_of_only_some_columns_compares_only_those(demo_deal):
    """Columns left out of the file are not touched, so they cannot make a row an update."""
    from workbooks import book_bytes

    person = Person.objects.get(account=demo_deal.account, key="p2")
    data = book_bytes(
        {
            "联系人": [
                ["客户名称", "姓名", "层级", "部门"],
                [demo_deal.account.name, person.name, person.get_layer_display(), person.department],
            ]
        }
    )
    plan, done = preview_then_commit(data, demo_deal.account.owner)
    assert done["people"] == (0, 0) and plan.counts["people"].unchanged == 1


def test_a_person_renamed_by_id_is_an_update(demo_deal):
    from workbooks import book_bytes

    data = book_bytes(
        {
            "联系人": [
                ["客户名称", "编号", "姓名", "层级", "部门"],
                [demo_deal.account.name, "p4", "周文斌", "管理层", "技术部"],
                [demo_deal.account.name, "p6", "吴芳", "管理层", "财务部"],
            ]
        }
    )
    plan, done = preview_then_commit(data, demo_deal.account.owner)
    assert done["people"] == (0, 1) and plan.counts["people"].unchanged == 1
    assert Person.objects.get(account=demo_deal.account, key="p4").name == "周文斌"


# -- defect 2: a history row repeated within the file is counted once ----------------------------


def test_a_history_row_repeated_in_a_new_file_is_counted_and_stored_once(rep, demo_domain):
    edit = Edit(write_workbook([demo_domain]))
    edit.repeat("态度评估", 3).repeat("接触记录", 5).repeat("接触记录", 5)
    plan, done = preview_then_commit(edit.bytes(), rep)
    assert done["assessments"] == (9, 0) and done["interactions"] == (12, 0)
    assert plan.counts["assessments"].unchanged == 1 and plan.counts["interactions"].unchanged == 2


def test_a_new_history_row_repeated_against_a_stored_deal_is_counted_once(demo_deal):
    edit = Edit(workbook_bytes([demo_deal]))
    edit.set("态度评估", 2, "依据", "新的依据").repeat("态度评估", 2)
    assert edit.get("态度评估", 10, "姓名") == "赵立"
    edit.set("态度评估", 10, "姓名", "p5")  # the same person, by ID
    edit.set("接触记录", 4, "摘要", "新的摘要").repeat("接触记录", 4)
    plan, done = preview_then_commit(edit.bytes(), demo_deal.account.owner)
    assert done["assessments"] == (1, 0) and done["interactions"] == (1, 0)


def test_history_rows_differing_only_in_participant_order_are_two(rep, demo_domain):
    """The commit keeps participants in their order, so the same people listed otherwise is another row."""
    both = next(i for i in demo_domain.interactions if len(i.stakeholders) > 1)
    swapped = both._replace(stakeholders=tuple(reversed(both.stakeholders)))
    deal = replace(demo_domain, interactions=(both, swapped, both))
    plan, done = preview_then_commit(write_workbook([deal]), rep)
    assert done["interactions"] == (2, 0) and plan.counts["interactions"].unchanged == 1
