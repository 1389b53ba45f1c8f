"""The sharing section of the account page: the owner (or an admin) shares, changes and removes;
nobody else sees the controls or can use them; refusals are clear messages."""

from __future__ import annotations

import re
from html import unescape

import pytest
from access_world import client_for
from django.urls import reverse

from dealmap.web.accounts.models import AccountShare
from dealmap.web.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def colleague(team):
    from dealmap.web.users.services import user_create

    return user_create(username="wang", password="dealmap-test-pw", role="rep", team=team)


@pytest.fixture
def account(demo_deal):
    return demo_deal.account


def _share(client, account, username, access="view", **headers):
    return client.post(
        reverse("accounts:share_save", args=[account.pk]), {"username": username, "access": access}, **headers
    )


def test_the_owner_sees_the_sharing_section(rep, account):
    text = client_for(rep).get(reverse("accounts:detail", args=[account.pk])).content.decode()
    assert 'id="sharing"' in text and reverse("accounts:share_save", args=[account.pk]) in text


def test_an_admin_sees_the_sharing_section(admin_user, account):
    text = client_for(admin_user).get(reverse("accounts:detail", args=[account.pk])).content.decode()
    assert 'id="sharing"' in text


def test_a_colleague_it_is_shared_with_does_not_see_the_sharing_section(rep, colleague, account):
    from dealmap.web.accounts.services import share_set

    share_set(account=account, user=colleague, can_edit=True, by=rep)
    text = client_for(colleague).get(reverse("accounts:detail", args=[account.pk])).content.decode()
    assert 'id="sharing"' not in text and "share_save" not in text


def test_the_team_manager_does_not_see_the_sharing_section(manager, account):
    text = client_for(manager).get(reverse("accounts:detail", args=[account.pk])).content.decode()
    assert 'id="sharing"' not in text


def test_the_owner_shares_with_a_colleague_to_view_and_the_share_is_audited(rep, colleague, account):
    response = _share(client_for(rep), account, "wang", **HTMX)
    assert response.status_code == 200 and "<html" not in response.content.decode()
    assert "wang" in response.content.decode()
    share = AccountShare.objects.get(account=account, user=colleague)
    assert share.can_edit is False
    assert AuditEntry.objects.filter(action="share", account=account, actor=rep).exists()


def test_the_owner_changes_a_share_to_edit(rep, colleague, account):
    client = client_for(rep)
    _share(client, account, "wang", "view", **HTMX)
    _share(client, account, "wang", "edit", **HTMX)
    assert AccountShare.objects.get(account=account, user=colleague).can_edit is True


def test_the_owner_removes_a_share(rep, colleague, account):
    client = client_for(rep)
    _share(client, account, "wang", **HTMX)
    response = client.post(reverse("accounts:share_delete", args=[account.pk, colleague.pk]), **HTMX)
    assert response.status_code == 200
    assert not AccountShare.objects.filter(account=account, user=colleague).exists()
    assert AuditEntry.objects.filter(action="unshare", account=account).exists()


def test_without_htmx_sharing_redirects_to_the_account_page_with_a_message(rep, colleague, account):
    response = _share(client_for(rep), account, "wang", follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("accounts:detail", args=[account.pk]))
    assert "wang" in response.content.decode() and AccountShare.objects.filter(user=colleague).exists()


def test_sharing_with_an_unknown_user_is_refused_with_a_clear_message(rep, account):
    response = _share(client_for(rep), account, "nobody", **HTMX)
    assert response.status_code == 422 and "没有名为“nobody”的在职用户" in response.content.decode()
    assert not AccountShare.objects.filter(account=account).exists()


def test_the_refusal_is_in_english_when_english_is_chosen(rep, account):
    response = _share(client_for(rep, "en"), account, "nobody", **HTMX)
    assert "There is no active user called “nobody”." in response.content.decode()


def test_sharing_with_yourself_is_refused(rep, account):
    response = _share(client_for(rep), account, "rep", **HTMX)
    assert response.status_code == 422 and "不能把客户共享给自己" in response.content.decode()
    assert not AccountShare.objects.filter(account=account).exists()


def test_an_admin_sharing_with_the_owner_is_refused(admin_user, account):
    response = _share(client_for(admin_user), account, "rep", **HTMX)
    assert response.status_code == 422 and "rep 已经是这个客户的负责人" in response.content.decode()


def test_a_colleague_with_an_edit_share_cannot_share_further(rep, colleague, other_rep, account):
    from dealmap.web.accounts.services import share_set

    share_set(account=account, user=colleague, can_edit=True, by=rep)
    assert _share(client_for(colleague), account, "rep2").status_code == 403
    assert not AccountShare.objects.filter(user=other_rep).exists()


def test_the_team_manager_cannot_share(manager, colleague, account):
    assert _share(client_for(manager), account, "wang").status_code == 403


def test_another_rep_gets_404_when_sharing_or_removing(other_rep, colleague, account):
    client = client_for(other_rep)
    assert _share(client, account, "wang").status_code == 404
    url = reverse("accounts:share_delete", args=[account.pk, colleague.pk])
    assert client.post(url).status_code == 404


# -- each refusal says what is wrong ---------------------------------------------------------------


def _refusal(response) -> str:
    text = response.content.decode()
    start = text.index('<p class="error" role="alert">') + len('<p class="error" role="alert">')
    return unescape(text[start : text.index("</p>", start)])


@pytest.mark.parametrize(
    ("username", "access", "zh", "en"),
    [
        ("   ", "view", "请输入用户名。", "Enter a username."),
        ("w" * 151, "view", "用户名最多 150 个字符。", "A username has at most 150 characters."),
        (
            "wa\x00ng",
            "view",
            "这段文字含有空字符（\\x00），无法保存。请删除后再试。",
            "This text contains a NUL character (\\x00), which cannot be stored. Remove it and try again.",
        ),
        ("wang", "own", "请选择权限：可查看或可编辑。", "Choose the access: can view or can edit."),
        ("nobody", "view", "没有名为“nobody”的在职用户。", "There is no active user called “nobody”."),
        ("rep", "view", "不能把客户共享给自己。", "You cannot share an account with yourself."),
    ],
)
def test_each_invalid_share_is_refused_with_its_own_message_in_both_languages(
    rep, colleague, account, username, access, zh, en
):
    entries = AuditEntry.objects.count()
    for lang, message in (("zh-hans", zh), ("en", en)):
        response = _share(client_for(rep, lang), account, username, access, **HTMX)
        assert response.status_code == 422 and _refusal(response) == message
    assert not AccountShare.objects.filter(account=account).exists()
    assert AuditEntry.objects.count() == entries


def test_sharing_with_a_deactivated_user_says_so(rep, colleague, account):
    colleague.is_active = False
    colleague.save(update_fields=["is_active"])
    response = _share(client_for(rep), account, "wang", **HTMX)
    assert response.status_code == 422 and _refusal(response) == "用户“wang”已停用，不能把客户共享给该用户。"
    response = _share(client_for(rep, "en"), account, "wang", **HTMX)
    assert _refusal(response) == "The user “wang” is deactivated: an account cannot be shared with them."
    assert not AccountShare.objects.filter(account=account).exists()


def test_an_admin_sharing_with_the_owner_is_told_in_english_too(admin_user, account):
    response = _share(client_for(admin_user, "en"), account, "rep", **HTMX)
    assert response.status_code == 422 and _refusal(response) == "rep owns this account already."


@pytest.mark.parametrize(
    ("access", "zh", "en"),
    [
        ("view", "wang 已经可以查看这个客户。", "wang can already view this account."),
        ("edit", "wang 已经可以查看并编辑这个客户。", "wang can already view and edit this account."),
    ],
)
def test_sharing_again_at_the_same_level_says_so_and_records_nothing(rep, colleague, account, access, zh, en):
    _share(client_for(rep), account, "wang", access, **HTMX)
    entries = AuditEntry.objects.count()
    for lang, message in (("zh-hans", zh), ("en", en)):
        response = _share(client_for(rep, lang), account, "wang", access, **HTMX)
        assert response.status_code == 200 and message in unescape(response.content.decode())
    assert AuditEntry.objects.count() == entries
    assert AccountShare.objects.get(account=account, user=colleague).can_edit is (access == "edit")


_TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value="|name="csrf-token" content=")[^"]+')


def test_who_may_not_share_learns_nothing_about_the_username(other_rep, manager, colleague, account):
    """Another rep gets the same 404 for a real, a deactivated and a missing user; the manager, who
    sees the account, the same 403."""
    colleague.is_active = False
    colleague.save(update_fields=["is_active"])
    for user, status in ((other_rep, 404), (manager, 403)):
        client = client_for(user)
        # Pages differ only in the masked CSRF token, which is random on every page and says nothing.
        answers = {
            _TOKEN.sub(b"", _share(client, account, name, **HTMX).content)
            for name in ("rep", "wang", "nobody")
        }
        assert {_share(client, account, "wang", **HTMX).status_code} == {status} and len(answers) == 1


def test_sharing_with_an_administrator_is_refused_as_changing_nothing(rep, admin_user, account):
    """An administrator sees and changes every account: a share would only clutter the list."""
    entries = AuditEntry.objects.count()
    response = _share(client_for(rep), account, admin_user.username, "edit", **HTMX)
    assert response.status_code == 422
    assert _refusal(response) == f"{admin_user.username} 是管理员，已经可以查看和修改所有客户。"
    response = _share(client_for(rep, "en"), account, admin_user.username, **HTMX)
    assert _refusal(response) == (
        f"{admin_user.username} is an administrator and can already see and change every account."
    )
    assert not AccountShare.objects.filter(account=account).exists()
    assert AuditEntry.objects.count() == entries


def test_a_view_share_with_the_owners_team_manager_changes_nothing_and_says_why(rep, manager, account):
    entries = AuditEntry.objects.count()
    response = _share(client_for(rep), account, "manager", "view", **HTMX)
    assert "manager 是负责人所在团队的经理，已经可以查看这个客户。" in unescape(response.content.decode())
    assert not AccountShare.objects.filter(account=account).exists()
    assert AuditEntry.objects.count() == entries
    _share(client_for(rep), account, "manager", "edit", **HTMX)  # editing is more than they have
    assert AccountShare.objects.get(account=account, user=manager).can_edit


def test_lowering_an_edit_share_to_view_says_editing_is_gone(rep, colleague, account):
    _share(client_for(rep), account, "wang", "edit", **HTMX)
    response = _share(client_for(rep, "en"), account, "wang", "view", **HTMX)
    assert "wang can now only view this account, no longer edit it." in unescape(response.content.decode())


def test_each_rows_controls_are_named_for_whom_they_act(rep, colleague, account):
    """Every people row said "变更记录 · 导出", every share row "修改 / 移除", without a name."""
    _share(client_for(rep), account, colleague.username)
    page = unescape(client_for(rep).get(reverse("accounts:detail", args=[account.pk])).content.decode())
    person = account.people.get(key="p4")
    assert f'aria-label="\u2068{person.name}\u2069 的变更记录"' in page
    assert f'aria-label="导出我们保存的 \u2068{person.name}\u2069 的数据"' in page
    assert 'aria-label="修改 wang 的权限"' in page and 'aria-label="停止与 wang 共享"' in page
