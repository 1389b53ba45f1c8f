"""A rep logs in through a real browser and sees the demo deal's buying group in Chinese."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_rep_logs_in_and_sees_the_demo_deal_in_chinese(live_server, page, demo_deal):
    page.goto(f"{live_server.url}/deals/{demo_deal.pk}/")
    page.fill("#id_username", "rep")
    page.fill("#id_password", "dealmap-test-pw")
    page.click("button[type=submit].primary")
    page.wait_for_url(f"**/deals/{demo_deal.pk}/")
    group = page.locator("table.group")
    for name in ("陈建国", "刘敏", "孙海涛", "周文", "赵立", "吴芳", "郑强"):
        assert group.get_by_text(name, exact=True).count() == 1, name
    assert page.locator("h2#group-title").inner_text() == "采购决策群体"
    assert page.locator("[data-finding-code]").count() > 0
