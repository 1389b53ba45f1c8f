"""What a user sees when something is refused: pages in the app's own frame and language, and on
the API one JSON body — for a missing page, a read-only change, an expired form, a body too
large, and a write that collided with another at the same moment."""

from __future__ import annotations

import json

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from dealmap.web.accounts.models import Account
from dealmap.web.core.middleware import collision

pytestmark = pytest.mark.django_db


def _login(client, user):
    client.login(username=user.username, password="dealmap-test-pw")
    return client


@pytest.mark.parametrize(("lang", "words"), [("zh-hans", "找不到"), ("en", "Not found")])
def test_a_missing_page_has_the_apps_frame_and_language(client, rep, lang, words):
    c = _login(client, rep)
    c.cookies["django_language"] = lang
    response = c.get("/deals/999999/")
    html = response.content.decode()
    assert response.status_code == 404
    assert words in html and 'class="topbar"' in html and reverse("deals:list") in html


def test_a_read_only_change_says_why_in_the_apps_frame(client, demo_deal, manager):
    response = _login(client, manager).get(reverse("workspace:person_add", args=[demo_deal.pk]))
    html = response.content.decode()
    assert response.status_code == 403 and "不能修改" in html and 'class="topbar"' in html


def test_an_expired_form_says_nothing_was_saved(rep, demo_deal):
    c = Client(enforce_csrf_checks=True)
    _login(c, rep)
    response = c.post(reverse("accounts:create"), {"name": "没有令牌"})
    html = response.content.decode()
    assert response.status_code == 403 and "表单已过期" in html and "没有保存" in html
    assert not Account.objects.filter(name="没有令牌").exists()


def test_a_body_over_the_limit_gets_a_json_413_naming_the_limit(client, rep, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    c = _login(client, rep)
    body = json.dumps({"name": "大", "notes": "x" * (2 * 1024 * 1024)})
    response = c.post("/api/accounts", body, content_type="application/json")
    assert response.status_code == 413
    assert "1 MB" in response.json()["detail"] and response.json()["problems"] == []


def test_a_stale_version_names_the_version_as_the_problem(client, rep, demo_deal):
    c = _login(client, rep)
    account = demo_deal.account
    response = c.patch(
        f"/api/accounts/{account.pk}",
        json.dumps({"version": account.version + 5, "notes": "改"}),
        content_type="application/json",
    )
    assert response.status_code == 409 and response.json()["problems"][0]["path"] == "version"


def test_a_uniqueness_clash_from_the_database_is_a_409_that_says_nothing_was_saved(rep):
    Account.objects.create(owner=rep, name="只有一个")
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        Account.objects.create(owner=rep, name="只有一个")  # past the service's check, as in a race
    status, message = collision(caught.value)
    assert status == 409 and "没有保存" in message


def test_other_database_errors_are_not_taken_for_a_collision():
    from django.db import OperationalError

    assert collision(OperationalError("no such table: x")) is None
    assert (
        collision(IntegrityError("CHECK constraint failed: relation_not_to_self")) is None
    )  # a bug, not a race
    assert collision(IntegrityError("FOREIGN KEY constraint failed"))[0] == 409
    assert collision(OperationalError("database is locked"))[0] == 503
    assert collision(ValueError("x")) is None


def test_a_collision_on_a_page_says_nothing_was_saved_under_a_heading_not_a_status_code(rep, rf):
    from dealmap.web.core.middleware import CollisionMiddleware

    request = rf.post("/accounts/new/")
    request.user = rep
    Account.objects.create(owner=rep, name="只有一个")
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        Account.objects.create(owner=rep, name="只有一个")
    response = CollisionMiddleware(lambda r: None).process_exception(request, caught.value)
    html = response.content.decode()
    assert response.status_code == 409 and "<h1>没有保存</h1>" in html and "<h1>409</h1>" not in html
    htmx = rf.post("/accounts/new/", HTTP_HX_REQUEST="true")
    htmx.user = rep
    fragment = CollisionMiddleware(lambda r: None).process_exception(htmx, caught.value).content.decode()
    assert fragment.startswith('<p class="error"') and "<html" not in fragment
