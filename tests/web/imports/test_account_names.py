"""One owner's accounts have distinct names: a workbook names accounts by name, so two of them called
alike could not be told apart. Before, importing a deal file twice made a second account of the
same name; the owner's portfolio export then failed to re-import, and re-importing one of the two
accounts' workbooks wrote its changes into the other one."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from dealmap.interchange.xlsx import Source
from dealmap.web.accounts.models import Account, Person
from dealmap.web.accounts.services import AccountNameTaken, account_create, account_name_free, account_update
from dealmap.web.core.demo import demo_deal as build
from dealmap.web.deals.services import deal_import
from dealmap.web.imports.exports import accounts_for_export, deals_for_export, workbook_bytes
from dealmap.web.imports.services import workbook_preview

pytestmark = pytest.mark.django_db
DAY = date(2026, 11, 27)


def test_a_deal_file_imported_twice_lands_in_an_account_named_apart(rep):
    first = deal_import(deal=build(today=DAY), owner=rep)
    second = deal_import(deal=build(today=DAY), owner=rep)
    third = deal_import(deal=build(today=DAY), owner=rep)
    name = first.account.name
    assert [second.account.name, third.account.name] == [f"{name} (2)", f"{name} (3)"]


def test_another_owners_account_of_the_same_name_does_not_rename_mine(rep, other_rep):
    theirs = deal_import(deal=build(today=DAY), owner=other_rep)
    mine = deal_import(deal=build(today=DAY), owner=rep)
    assert mine.account.name == theirs.account.name


def test_a_free_name_stays_within_the_column(rep):
    long = "客" * 200
    Account.objects.create(owner=rep, name=long)
    free = account_name_free(owner=rep, name=long)
    assert len(free) == 200 and free.endswith(" (2)")


def test_the_portfolio_of_two_imports_of_one_deal_file_re_imports_unchanged(rep):
    deal_import(deal=build(today=DAY), owner=rep)
    deal_import(deal=build(today=DAY), owner=rep)
    data = workbook_bytes(deals_for_export(user=rep), accounts=accounts_for_export(user=rep))
    plan = workbook_preview(source=Source(data), owner=rep)
    assert plan.ok, plan.issues[:3]
    assert all(c.created == 0 and c.updated == 0 for c in plan.counts.values()), plan.counts


def test_creating_or_renaming_to_a_name_the_owner_has_is_refused(rep, other_rep):
    a = account_create(owner=rep, name="华东精密")
    b = account_create(owner=rep, name="华南精密")
    account_create(owner=other_rep, name="华东精密")  # another owner may
    with pytest.raises(AccountNameTaken, match="华东精密"):
        account_create(owner=rep, name="华东精密")
    with pytest.raises(AccountNameTaken):
        account_update(account=b, version=b.version, by=rep, name="华东精密")
    b.refresh_from_db()
    assert b.name == "华南精密" and b.version == 1
    assert account_update(account=a, version=a.version, by=rep, name="华东精密", notes="x").notes == "x"


def test_the_api_refuses_a_second_account_of_the_same_name(client, rep):
    from dealmap.web.security.tokens import token_create

    headers = {"HTTP_AUTHORIZATION": f"Bearer {token_create(user=rep)[1]}"}
    assert (
        client.post("/api/accounts", {"name": "甲"}, content_type="application/json", **headers).status_code
        == 201
    )
    again = client.post("/api/accounts", {"name": "甲"}, content_type="application/json", **headers)
    assert again.status_code == 409
    assert again.json()["problems"] == [
        {"path": "name", "message": "你已经有一个名为“甲”的客户，请换一个名称。"}
    ]
    assert Account.objects.filter(owner=rep, name="甲").count() == 1


def test_a_workbook_naming_two_shared_accounts_of_one_name_is_refused_and_changes_nothing(rep, other_rep):
    """One owner's names are distinct (the database holds that too), but two colleagues may each
    share an account of the same name with the rep to edit: which one a row means is unknown."""
    from dealmap.web.accounts.services import share_set
    from dealmap.web.users.services import user_create

    third = user_create(username="rep3", password="dealmap-test-pw", role="rep")
    first = deal_import(deal=build(today=DAY), owner=other_rep)
    twin = deal_import(deal=build(today=DAY), owner=third)
    for deal, owner in ((first, other_rep), (twin, third)):
        share_set(account=deal.account, user=rep, can_edit=True, by=owner)
    data = workbook_bytes([first])
    book = load_workbook(io.BytesIO(data))
    people = book.worksheets[3]
    notes = next(c.column for c in people[1] if str(c.value).startswith("备注"))
    people.cell(row=2, column=notes, value="EDITED")
    out = io.BytesIO()
    book.save(out)
    plan = workbook_preview(source=Source(out.getvalue()), owner=rep)
    assert not plan.ok
    assert any("不止一个" in i.reason.get("zh") for i in plan.issues)
    assert not Person.objects.filter(notes="EDITED").exists()


def test_the_database_holds_one_account_name_per_owner(rep):
    """What the services check, the database enforces too (two requests racing, a script)."""
    from django.db import IntegrityError, transaction

    account_create(owner=rep, name="华东精密")
    with pytest.raises(IntegrityError), transaction.atomic():
        Account.objects.create(owner=rep, name="华东精密")


def test_the_deal_file_preview_names_the_account_it_will_be_stored_in(client, rep, demo_file, tmp_path):
    import json

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import override_settings

    deal_import(deal=build(today=DAY), owner=rep)
    client.force_login(rep)
    upload = SimpleUploadedFile(
        "d.json", json.dumps(demo_file, ensure_ascii=False).encode(), "application/json"
    )
    with override_settings(DATA_DIR=tmp_path):
        page = client.post(reverse("imports:preview"), {"token": "0" * 32, "file": upload}).content.decode()
    assert f"{demo_file['account']['name']} (2)" in page
