"""Search in Chromium: the demo deal's notes are found, the match is marked, a hit opens the person."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_rep_finds_the_demo_notes_and_opens_the_person_from_a_hit(live_server, page, demo_deal):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_viewport_size({"width": 1100, "height": 900})
    page.goto(f"{live_server.url}/search/?q=技术")
    page.fill("#id_username", "rep")
    page.fill("#id_password", "dealmap-test-pw")
    page.click("button[type=submit].primary")
    page.wait_for_url("**/search/**")

    hits = page.locator(".note-hits li")
    # four meeting summaries, one assessment's evidence and the CTO's personal wins
    assert hits.count() == 6
    assert "个人收益" in page.locator(".note-hits").inner_text()
    assert hits.first.locator("mark").inner_text() == "技术"
    assert page.locator("#hits-notes").inner_text().startswith("记录")
    shots = os.environ.get("DEALMAP_SCREENSHOTS")  # a folder to save screenshots in (docs/screenshots)
    if shots:
        page.screenshot(path=str(Path(shots) / "search-notes-zh.png"), full_page=True)

    who = hits.first.locator("a.note-hit-who").inner_text()
    hits.first.locator("a.note-hit-who").click()
    page.wait_for_url(f"**/deals/{demo_deal.pk}/people/**")
    assert who.split(" +")[0] in page.locator("#drawer").inner_text()
    assert errors == []
