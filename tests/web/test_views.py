"""The web shell: login everywhere, visibility by role, 404 for the forbidden, the language switch."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "dealmap-test-pw"


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


@pytest.mark.parametrize("name", ["home", "deals:list", "accounts:list"])
def test_pages_need_a_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_deal_page_needs_a_login_even_if_it_exists(client, demo_deal):
    response = client.get(reverse("deals:detail", args=[demo_deal.pk]))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_login_page_is_public_and_chinese_by_default(client):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert "登录" in response.content.decode()


def test_login_with_the_password_leads_to_the_deals(client, rep):
    response = client.post(reverse("login"), {"username": "rep", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("deals:list")


def test_wrong_password_stays_on_the_login_page(client, rep):
    response = client.post(reverse("login"), {"username": "rep", "password": "nope"})
    assert response.status_code == 200 and "用户名或密码不正确" in response.content.decode()


def test_logout_is_a_post(client, rep):
    login(client, rep)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("deals:list")).status_code == 302


def test_rep_sees_their_deal_with_its_people_and_research(client, rep, demo_deal):
    page = login(client, rep).get(reverse("deals:detail", args=[demo_deal.pk])).content.decode()
    for text in (
        "MES 生产执行系统升级",
        "陈建国",
        "赵立",
        "拍板人",
        "谁提出的这个需求？",
        "大力支持",
        "内线",
    ):
        assert text in page, text


def test_deal_page_shows_the_engines_findings_marked_by_code_and_subject(client, rep, demo_deal):
    page = login(client, rep).get(reverse("deals:detail", args=[demo_deal.pk])).content.decode()
    assert 'data-finding-code="SUP_POWERFUL_OPPONENT" data-subject="p4"' in page
    assert 'data-finding-code="NEED_RESEARCH_INCOMPLETE" data-subject=""' in page


def test_deals_and_accounts_lists_show_the_demo(client, rep, demo_deal):
    login(client, rep)
    assert "MES 生产执行系统升级" in client.get(reverse("deals:list")).content.decode()
    assert "华东精密制造有限公司" in client.get(reverse("accounts:list")).content.decode()
    account_page = client.get(reverse("accounts:detail", args=[demo_deal.account_id])).content.decode()
    assert "郑强" in account_page and "MES 生产执行系统升级" in account_page


def test_rep_cannot_see_another_reps_deal(client, other_rep, demo_deal):
    login(client, other_rep)
    assert client.get(reverse("deals:detail", args=[demo_deal.pk])).status_code == 404
    assert client.get(reverse("accounts:detail", args=[demo_deal.account_id])).status_code == 404
    listed = client.get(reverse("deals:list")).content.decode()
    # Past the random CSRF token, which once held the letters "MES".
    assert "MES" not in re.sub(r'(csrf-token" content="|csrfmiddlewaretoken" value=")[^"]+', "", listed)


def test_a_missing_deal_answers_404_like_a_forbidden_one(client, rep):
    assert login(client, rep).get(reverse("deals:detail", args=[99999])).status_code == 404


def test_manager_sees_the_deal_of_a_rep_in_their_team(client, manager, demo_deal):
    login(client, manager)
    assert client.get(reverse("deals:detail", args=[demo_deal.pk])).status_code == 200
    assert "MES" in client.get(reverse("deals:list")).content.decode()


def test_manager_of_another_team_cannot_see_the_deal(client, other_manager, demo_deal):
    assert login(client, other_manager).get(reverse("deals:detail", args=[demo_deal.pk])).status_code == 404


def test_admin_sees_every_deal(client, admin_user, demo_deal):
    assert login(client, admin_user).get(reverse("deals:detail", args=[demo_deal.pk])).status_code == 200


def test_language_switch_renders_english(client, rep, demo_deal):
    login(client, rep)
    url = reverse("deals:detail", args=[demo_deal.pk])
    response = client.post(reverse("set_language"), {"language": "en", "next": url})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert '<html lang="en">' in page
    for text in ("Buying group", "Decision maker", "Who proposed this need?", "strong supporter"):
        assert text in page, text


def test_healthz_answers_ok_without_a_login(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"


def test_static_files_are_served_without_a_login(client):
    response = client.get("/static/dealmap/app.css")
    assert response.status_code == 200


def test_every_page_starts_with_a_link_past_the_top_bar_in_its_language(client):
    page = client.get(reverse("login")).content.decode()
    assert '<a class="skip-link" href="#main">跳到正文</a>' in page.split("<header", 1)[0]
    assert 'id="main"' in page
    client.cookies["django_language"] = "en"
    assert (
        '<a class="skip-link" href="#main">Skip to the content</a>'
        in client.get(reverse("login")).content.decode()
    )


def test_a_manager_lands_on_the_portfolio_and_a_seller_on_the_deals(client, rep, manager):
    """The manager landed on the plain deals list, without scores or critical findings."""
    for user, page in ((manager, "workspace:portfolio"), (rep, "deals:list")):
        response = client.post(
            reverse("login"), {"username": user.username, "password": PASSWORD}, follow=True
        )
        assert response.redirect_chain[-1][0] == reverse(page)
        client.post(reverse("logout"))


def test_open_person_in_the_findings_names_whom_it_opens(client, rep, demo_deal):
    client.login(username="rep", password=PASSWORD)
    page = client.get(reverse("deals:detail", args=[demo_deal.pk])).content.decode()
    assert 'data-key="p4" aria-label="查看 \u2068周文\u2069"' in page
