"""A deal file downloaded from a deal page goes back in through the import page, in Chromium."""

from __future__ import annotations

import json

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_rep_downloads_a_deal_file_and_imports_it_as_a_new_deal(live_server, page, demo_deal, tmp_path):
    from dealmap.web.deals.models import Deal

    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/deals/{demo_deal.pk}/")
    page.fill("#id_username", "rep")
    page.fill("#id_password", "dealmap-test-pw")
    page.click("button[type=submit].primary")
    page.wait_for_url(f"**/deals/{demo_deal.pk}/")

    with page.expect_download() as download:
        page.click("[data-export=json]")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    people = len(json.loads(saved.read_text("utf-8"))["stakeholders"])

    page.goto(f"{live_server.url}/imports/")
    page.set_input_files("#import-form input[type=file]", str(saved))
    page.click("#import-form button[type=submit]")
    page.wait_for_url("**/imports/preview/")
    assert page.locator("h1").inner_text() == "预览"
    assert page.locator("[data-deal-file-deal]").inner_text() == demo_deal.name
    assert page.locator("[data-deal-file-people]").inner_text() == str(people)
    assert Deal.objects.count() == 1  # nothing stored before the confirmation

    page.click("main form button[type=submit]")
    page.wait_for_url("**/imports/commit/")
    assert page.locator("h1").inner_text() == "已导入"
    page.click("[data-imported-deal]")
    copy = Deal.objects.exclude(pk=demo_deal.pk).get()
    page.wait_for_url(f"**/deals/{copy.pk}/")
    assert page.locator("h1").first.inner_text().startswith(demo_deal.name)
    assert copy.account_id != demo_deal.account_id and copy.account.people.count() == people
    assert errors == []
