"""A workbook export lists everyone at its accounts, not only a deal's parts: a reporting line to
someone outside the deal, a relation between two such people, and an account with no deal yet all
survive an export and re-import (before, re-importing a single deal's workbook cut the line)."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from dealmap.interchange.xlsx import Source
from dealmap.web.accounts.models import Account, Person, Relation
from dealmap.web.deals.models import Part
from dealmap.web.imports.exports import accounts_for_export, deals_for_export, workbook_bytes
from dealmap.web.imports.services import workbook_import, workbook_preview

pytestmark = pytest.mark.django_db


@pytest.fixture
def boss_outside(demo_deal):
    """A CEO at the demo account who is in no deal, whom a part of the deal reports to, and a
    regional head (also outside) with a relation to the CEO."""
    account = demo_deal.account
    ceo = Person.objects.create(
        account=account, key="ceo-x", name="总裁甲", layer="decision", department="executive"
    )
    region = Person.objects.create(
        account=account, key="region-x", name="区域乙", layer="management", department="user", reports_to=ceo
    )
    Relation.objects.create(account=account, source=region, target=ceo, kind="close", strength=2)
    member = Part.objects.filter(deal=demo_deal).select_related("person").first().person
    member.reports_to = ceo
    member.save()
    return member, ceo, region


def test_a_single_deal_workbook_keeps_a_reporting_line_to_someone_outside_the_deal(boss_outside, demo_deal):
    member, ceo, _ = boss_outside
    data = workbook_bytes([demo_deal])
    plan = workbook_preview(source=Source(data), owner=demo_deal.account.owner)
    assert plan.ok, plan.issues[:3]
    assert all(c.updated == 0 and c.created == 0 for c in plan.counts.values()), plan.counts
    workbook_import(source=Source(data), owner=demo_deal.account.owner)
    member.refresh_from_db()
    assert member.reports_to_id == ceo.pk


def test_the_whole_account_arrives_in_a_new_database_people_and_relations_outside_the_deal_too(
    boss_outside, demo_deal, other_rep
):
    member, _, _ = boss_outside
    data = workbook_bytes([demo_deal])
    # Into an empty database: the workbook alone must carry the account's people and lines.
    Account.objects.all().delete()
    workbook_import(source=Source(data), owner=other_rep)
    account = Account.objects.get()
    ceo = Person.objects.get(account=account, key="ceo-x")
    assert Person.objects.get(account=account, key="region-x").reports_to == ceo
    assert Person.objects.get(account=account, key=member.key).reports_to == ceo
    assert Relation.objects.filter(account=account, source__key="region-x", target=ceo, kind="close").exists()
    assert not Part.objects.filter(person=ceo).exists()  # still in no deal


def test_a_portfolio_workbook_holds_an_account_without_deals(rep, demo_deal):
    lonely = Account.objects.create(name="尚无商机公司", owner=rep)
    Person.objects.create(account=lonely, key="p1", name="联系人丙", layer="execution", department="user")
    data = workbook_bytes(deals_for_export(user=rep), accounts=accounts_for_export(user=rep))
    Account.objects.all().delete()
    workbook_import(source=Source(data), owner=rep)
    assert Person.objects.filter(account__name="尚无商机公司", name="联系人丙").exists()


def test_a_portfolio_workbook_holds_no_account_the_user_cannot_see(rep, other_rep, demo_deal):
    Account.objects.create(name="别人的公司", owner=other_rep)
    data = workbook_bytes(deals_for_export(user=rep), accounts=accounts_for_export(user=rep))
    cells = {
        c.value for ws in load_workbook(io.BytesIO(data)).worksheets for row in ws.iter_rows() for c in row
    }
    assert "别人的公司" not in cells
    assert demo_deal.account.name in cells


@pytest.mark.parametrize("name", ["Alice; Bob", "Carol、Dan", "Eve;Fay", "new\nline"])
def test_a_name_holding_a_list_separator_is_referred_to_by_id_and_reads_back(demo_deal, name):
    # A participants cell is split at ; ; 、 and line breaks: by name, "Alice; Bob" read back as two
    # people nobody knows, and the deal's own export could not be imported again.
    from dealmap.web.deals.models import Interaction

    person = Part.objects.filter(deal=demo_deal).select_related("person").first().person
    person.name = name
    person.save()
    assert Interaction.objects.filter(deal=demo_deal, participations__person=person).exists()
    data = workbook_bytes([demo_deal])
    plan = workbook_preview(source=Source(data), owner=demo_deal.account.owner)
    assert plan.ok, plan.issues[:3]
    assert all(c.created == 0 and c.updated == 0 for c in plan.counts.values()), plan.counts
