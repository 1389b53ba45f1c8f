"""`dealmap user add` and `dealmap token`: set a team up from the shell."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from dealmap.cli import app

pytestmark = pytest.mark.django_db(transaction=True)


def run(*args, stdin: str | None = None):
    return CliRunner().invoke(app, list(args), input=stdin)


def test_user_add_creates_a_user_with_role_and_team_reading_the_password_from_stdin():
    from dealmap.web.users.models import User

    result = run(
        "user",
        "add",
        "lina",
        "--role",
        "manager",
        "--team",
        "华北组",
        "--password-stdin",
        stdin="s3cret-pass\n",
    )
    assert result.exit_code == 0, result.output
    user = User.objects.get(username="lina")
    assert user.role == "manager" and user.team.name == "华北组" and user.check_password("s3cret-pass")


def test_user_add_refuses_an_unknown_role_and_a_short_password():
    from dealmap.web.users.models import User

    assert run("user", "add", "x", "--role", "boss", "--password-stdin", stdin="s3cret-pass\n").exit_code == 2
    assert run("user", "add", "y", "--password-stdin", stdin="short\n").exit_code == 2
    assert not User.objects.filter(username__in=["x", "y"]).exists()


def test_an_admin_added_from_the_shell_may_use_the_django_admin():
    from dealmap.web.users.models import User

    run("user", "add", "root2", "--role", "admin", "--password-stdin", stdin="s3cret-pass\n")
    admin = User.objects.get(username="root2")
    assert admin.is_staff and admin.is_superuser and admin.is_admin


def test_token_prints_a_token_that_authenticates_as_the_user(client):
    run("user", "add", "bot", "--password-stdin", stdin="s3cret-pass\n")
    result = run("token", "bot")
    assert result.exit_code == 0
    token = result.output.strip().splitlines()[-1]
    response = client.get("/api/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200 and response.json()["username"] == "bot"


def test_token_for_an_unknown_user_fails():
    assert run("token", "nobody").exit_code == 2


def test_user_add_applies_the_sites_password_rules_in_the_chosen_language():
    from dealmap.web.users.models import User

    zh = run("user", "add", "carol", "--password-stdin", stdin="password\n")
    en = run("user", "add", "carol", "--password-stdin", "--lang", "en", stdin="12345678\n")
    assert zh.exit_code == en.exit_code == 2
    assert "无法创建用户：这个密码太常见了。" in zh.output
    assert "cannot create the user: This password is too common." in en.output
    assert not User.objects.filter(username="carol").exists()


def test_a_user_that_cannot_be_created_leaves_no_new_team_and_a_long_team_name_is_refused():
    from dealmap.web.users.models import Team

    bad = run(
        "user",
        "add",
        "bad name!",
        "--team",
        "孤儿组",
        "--password-stdin",
        "--lang",
        "en",
        stdin="s3cret-pass\n",
    )
    assert bad.exit_code == 2 and "cannot create the user: Enter a valid username." in bad.output
    assert "[" not in bad.output  # the reasons as a sentence, not a Python list
    long = run("user", "add", "dora", "--team", "组" * 101, "--password-stdin", stdin="s3cret-pass\n")
    assert long.exit_code == 2 and "团队名称须为 1 到 100 个字符" in long.output
    assert not Team.objects.filter(name__in=["孤儿组", "组" * 101]).exists()


def test_a_deactivated_user_is_named_as_such_not_as_missing():
    from dealmap.web.users.models import User

    run("user", "add", "erin", "--password-stdin", stdin="s3cret-pass\n")
    User.objects.filter(username="erin").update(is_active=False)
    result = run("token", "erin")
    assert result.exit_code == 2 and "用户 'erin' 已停用" in result.output
    assert "没有用户" in run("token", "nobody").output


def test_user_add_without_a_terminal_points_to_password_stdin(monkeypatch):
    """`dealmap user add eve </dev/null` printed Python's GetPassWarning, then "已中止。" (status 1)."""
    from dealmap.cli import admin
    from dealmap.web.users.models import User

    monkeypatch.setattr(admin, "_terminal", lambda: False)  # the boundary: no terminal (as in CI)

    result = run("user", "add", "eve", stdin="")
    assert result.exit_code == 2 and "--password-stdin" in result.output
    assert "GetPassWarning" not in result.output and not User.objects.filter(username="eve").exists()
