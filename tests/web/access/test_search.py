"""Search across accounts, deals and people: only what the user may see, never another rep's."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _search(user, q: str) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(reverse("search"), {"q": q})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def twins(rep, other_rep, fixed_today):
    """Two reps each with an account, a deal and a person whose names share the word 海星."""
    from dealmap.web.accounts.services import account_create, person_create
    from dealmap.web.deals.services import deal_create

    for owner, tag in ((rep, "甲"), (other_rep, "乙")):
        account = account_create(owner=owner, name=f"海星客户{tag}")
        deal_create(account=account, name=f"海星商机{tag}", by=owner)
        person_create(account=account, name=f"海星人{tag}", layer="decision", department="finance", by=owner)


def test_a_rep_finds_their_own_accounts_deals_and_people(rep, twins):
    text = _search(rep, "海星")
    assert "海星客户甲" in text and "海星商机甲" in text and "海星人甲" in text


def test_another_reps_matching_names_never_appear(rep, twins):
    text = _search(rep, "海星")
    assert "海星客户乙" not in text and "海星商机乙" not in text and "海星人乙" not in text


def test_the_counts_count_only_what_the_user_may_see(rep, twins):
    text = _search(rep, "海星")
    assert "3 个结果" in text


def test_a_manager_finds_their_teams_but_not_another_teams(manager, twins):
    text = _search(manager, "海星")
    assert "海星客户甲" in text and "海星客户乙" not in text


def test_an_admin_finds_everything(admin_user, twins):
    text = _search(admin_user, "海星")
    assert "海星客户甲" in text and "海星客户乙" in text


def test_a_share_makes_the_account_findable(rep, other_rep, twins):
    from dealmap.web.accounts.models import Account
    from dealmap.web.accounts.services import share_set

    share_set(account=Account.objects.get(name="海星客户乙"), user=rep, can_edit=False, by=other_rep)
    assert "海星客户乙" in _search(rep, "海星")


def test_an_empty_query_shows_no_results(rep, twins):
    text = _search(rep, "")
    assert "海星" not in text and 'name="q"' in text


def test_the_nav_links_to_the_search(rep, db):
    client = Client()
    client.force_login(rep)
    assert reverse("search") in client.get(reverse("accounts:list")).content.decode()


def test_anonymous_visitors_are_sent_to_log_in(db):
    assert Client().get(reverse("search"), {"q": "海星"}).status_code == 302
