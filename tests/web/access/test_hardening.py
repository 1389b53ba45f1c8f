"""Hardening: Argon2 first, login throttling that holds, session rotation, production settings."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "dealmap-test-pw"
#: A clean environment for the subprocess checks: nothing another test set may leak in.
BASE_ENV = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}


def fail_logins(client: Client, username: str, times: int, **extra) -> None:
    for _ in range(times):
        client.post(reverse("login"), {"username": username, "password": "wrong-password"}, **extra)


def test_passwords_are_hashed_with_argon2():
    """The suite swaps in a fast hasher (tests/conftest.py), so read the settings module itself."""
    import importlib

    from django.contrib.auth.hashers import Argon2PasswordHasher

    configured = importlib.import_module("dealmap.web.settings").PASSWORD_HASHERS
    assert configured[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    hasher = Argon2PasswordHasher()
    assert hasher.encode("pw", hasher.salt()).startswith("argon2$")


def test_after_repeated_failures_even_the_right_password_is_refused(client, rep):
    fail_logins(client, "rep", settings.LOGIN_FAILURE_LIMIT)
    response = client.post(reverse("login"), {"username": "rep", "password": PASSWORD})
    assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert "登录失败次数过多" in response.content.decode()


def test_fewer_failures_than_the_limit_do_not_lock(client, rep):
    fail_logins(client, "rep", settings.LOGIN_FAILURE_LIMIT - 1)
    response = client.post(reverse("login"), {"username": "rep", "password": PASSWORD})
    assert response.status_code == 302


def test_the_lock_holds_for_a_fresh_client_from_another_address(rep):
    """The count lives in the database, not in a process or a cookie."""
    fail_logins(Client(), "rep", settings.LOGIN_FAILURE_LIMIT, REMOTE_ADDR="10.0.0.1")
    response = Client().post(
        reverse("login"), {"username": "rep", "password": PASSWORD}, REMOTE_ADDR="10.0.0.2"
    )
    assert response.status_code == 200


def test_a_spoofed_forwarded_for_does_not_escape_the_address_lock(rep, other_rep, settings):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 3
    for n in range(3):
        Client().post(
            reverse("login"),
            {"username": f"nobody{n}", "password": "x"},
            REMOTE_ADDR="10.0.0.9",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )
    response = Client().post(
        reverse("login"),
        {"username": "rep2", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.9",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert response.status_code == 200  # locked: the address is REMOTE_ADDR, not the header


def test_the_lock_expires_after_the_window(client, rep, settings):
    from dealmap.web.security.models import LoginAttempt

    fail_logins(client, "rep", settings.LOGIN_FAILURE_LIMIT)
    LoginAttempt.objects.update(
        at=LoginAttempt.objects.first().at - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW + 1)
    )
    assert client.post(reverse("login"), {"username": "rep", "password": PASSWORD}).status_code == 302


def test_logging_in_rotates_the_session_key(client, rep):
    client.get(reverse("login"))
    client.session["probe"] = 1
    session = client.session
    session["probe"] = 1
    session.save()
    before = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post(reverse("login"), {"username": "rep", "password": PASSWORD})
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != before


def test_production_settings_pass_the_deploy_check(tmp_path):
    env = {
        **BASE_ENV,
        "DJANGO_SETTINGS_MODULE": "dealmap.web.settings_production",
        "DEALMAP_SECRET_KEY": secrets.token_urlsafe(50),
        "DEALMAP_ALLOWED_HOSTS": "dealmap.example.com",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_development_settings_do_not_pass_the_deploy_check_by_accident(tmp_path):
    """The check can fail: without the production module it reports the missing HTTPS settings."""
    env = {
        **BASE_ENV,
        "DJANGO_SETTINGS_MODULE": "dealmap.web.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'd.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode != 0 and "SECURE_HSTS_SECONDS" in result.stdout + result.stderr
