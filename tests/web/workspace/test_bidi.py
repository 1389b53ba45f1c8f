"""Names people typed are shown isolated: an unclosed RIGHT-TO-LEFT OVERRIDE (U+202E) in a name or
title turns around only the name itself, never the words after it on the page.

Each page wraps user text in ``<bdi>`` (the browser isolates it); a finding's sentence, written by
the engine around a name, gets the name isolated in the web layer only — the engine's text and the
API's report stay as they are. The map's canvas labels are isolated by workspace.js (FSI … PDI),
which these tests do not run: a Chromium screenshot showed them right.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from dealmap.web.accounts.models import Person
from dealmap.web.core.text import FSI, PDI, bdi, isolate_within

pytestmark = pytest.mark.django_db

RLO = "\u202e"
NAME = f"Mallory{RLO} 陈"  # the demo's decision maker p1, renamed with an override left open
TITLE = f"CTO{RLO}"
HTMX = {"HTTP_HX_REQUEST": "true"}


def isolated(text: str) -> str:
    return f"<bdi>{escape(text)}</bdi>"


def outside_isolates(html: str, texts) -> str:
    """The page without its JSON data elements (the script isolates what it draws from them), the
    values of its form controls (each its own box, the text inside it alone) and ``texts`` where
    they stand isolated, as markup or between FSI and PDI."""
    html = re.sub(r'<script type="application/json"[^>]*>.*?</script>', "", html, flags=re.S)
    html = re.sub(r"(<textarea[^>]*>).*?(</textarea>)", r"\1\2", html, flags=re.S)
    html = re.sub(r'(<input[^>]*) value="[^"]*"', r"\1", html)
    for text in sorted(texts, key=len, reverse=True):
        html = html.replace(isolated(text), "").replace(f"{FSI}{text}{PDI}", "")
    return html


@pytest.fixture
def rlo_deal(demo_deal):
    """The demo deal, its decision maker called ``NAME`` with title ``TITLE``, the deal and account
    names with an open override too."""
    Person.objects.filter(account=demo_deal.account, key="p1").update(name=NAME, title=TITLE)
    demo_deal.account.__class__.objects.filter(pk=demo_deal.account_id).update(name=f"Acme{RLO} 精密")
    demo_deal.__class__.objects.filter(pk=demo_deal.pk).update(name=f"MES{RLO} upgrade")
    demo_deal.refresh_from_db()
    return demo_deal


def test_isolate_within_wraps_each_known_text_and_escapes_the_rest():
    html = isolate_within("拍板人<b>Mallory\u202e 陈(CTO)</b>态度", ["Mallory\u202e 陈", "CTO", ""])
    assert html == "拍板人&lt;b&gt;<bdi>Mallory\u202e 陈</bdi>(<bdi>CTO</bdi>)&lt;/b&gt;态度"


def test_isolate_within_prefers_the_longest_text_and_has_a_plain_text_form():
    assert isolate_within("王小明和王小", ["王小", "王小明"]) == "<bdi>王小明</bdi>和<bdi>王小</bdi>"
    plain = isolate_within("a<b>王小明", ["王小明"], html=False)
    assert plain == f"a<b>{FSI}王小明{PDI}"


def test_bdi_escapes_and_leaves_an_empty_value_empty():
    assert bdi("<x>") == "<bdi>&lt;x&gt;</bdi>" and bdi("") == "" and bdi(None) == ""


def test_a_finding_that_names_the_person_isolates_the_name_and_its_title(rep_client, rlo_deal):
    html = rep_client.get(reverse("deals:detail", args=[rlo_deal.pk])).content.decode()
    findings = html[html.index('id="findings"') : html.index('id="strategy"')]
    message = next(
        part for part in findings.split('<p class="finding-message">')[1:] if NAME in part.split("</p>")[0]
    ).split("</p>")[0]
    assert isolated(NAME) in message and isolated(TITLE) in message
    assert message.replace(isolated(NAME), "").replace(isolated(TITLE), "").count(RLO) == 0


def test_the_engines_report_keeps_the_sentence_as_it_is(rep_client, rlo_deal):
    report = rep_client.get(f"/api/deals/{rlo_deal.pk}/report").json()
    messages = [f["message"]["zh"] for f in report["findings"] if NAME in f["message"]["zh"]]
    assert messages and not any("<bdi>" in m or FSI in m for m in messages)


def test_the_deal_page_isolates_names_in_the_header_board_group_table_and_what_if(rep_client, rlo_deal):
    html = rep_client.get(reverse("deals:detail", args=[rlo_deal.pk])).content.decode()
    assert f"<h1>{isolated(rlo_deal.name)}</h1>" in html
    assert isolated(rlo_deal.account.name) in html
    assert f"<title>{FSI}{rlo_deal.name}{PDI} · " in html
    board = html[html.index('id="strategy"') : html.index('id="research"')]
    assert f"★ {isolated(NAME)}</button>" in board and f"{isolated(TITLE)} · " in board
    group = html[html.index('id="group-title"') :]
    assert f">{isolated(NAME)}</button>" in group and f"<td>{isolated(TITLE)}</td>" in group
    whatif = html[html.index('id="whatif"') : html.index('id="group-title"')]
    assert f'<td class="name">{isolated(NAME)} <span class="muted">{isolated(TITLE)}</span>' in whatif


def test_the_person_panel_isolates_the_name_the_title_and_names_in_sentences(rep_client, rlo_deal):
    html = rep_client.get(reverse("workspace:person", args=[rlo_deal.pk, "p1"]), **HTMX).content.decode()
    assert f"★ {isolated(NAME)}" in html and f'<p class="muted">{isolated(TITLE)} · ' in html
    for key in ("p1", "p2", "p4"):  # p2's actions ask to use p1; p4 can be swayed by p1's allies
        html = rep_client.get(reverse("workspace:person", args=[rlo_deal.pk, key]), **HTMX).content.decode()
        assert RLO not in outside_isolates(html, [NAME, TITLE]), key


def test_lists_and_the_search_isolate_names_titles_and_the_query(rep_client, rlo_deal):
    deals = rep_client.get(reverse("deals:list")).content.decode()
    assert isolated(rlo_deal.name) in deals and isolated(rlo_deal.account.name) in deals
    accounts = rep_client.get(reverse("accounts:list")).content.decode()
    assert isolated(rlo_deal.account.name) in accounts
    account = rep_client.get(reverse("accounts:detail", args=[rlo_deal.account_id])).content.decode()
    assert f"<td>{isolated(NAME)}</td>" in account and f"<td>{isolated(TITLE)}</td>" in account
    found = rep_client.get(reverse("search"), {"q": f"M{RLO}"}).content.decode()
    assert f"“{isolated('M' + RLO)}”" in found
    found = rep_client.get(reverse("search"), {"q": "Mallory"}).content.decode()
    assert (
        f'>{isolated(NAME)}</a> <span class="muted">{isolated(TITLE)} · {isolated(rlo_deal.account.name)}'
        in found
    )


def test_the_portfolio_isolates_the_names_in_the_most_pressing_finding(rep_client, rlo_deal):
    html = rep_client.get(reverse("workspace:portfolio")).content.decode()
    assert isolated(rlo_deal.name) in html and isolated(rlo_deal.account.name) in html
    row = html[html.index('class="top-issue"') :].split("</td>")[0]
    title = row[row.index('title="') :].split('"')[1]
    assert isolated(NAME) in row and f"{FSI}{NAME}{PDI}" in title  # the text, and its tooltip
    assert RLO not in outside_isolates(html, [NAME, TITLE, rlo_deal.name, rlo_deal.account.name])


def test_nowhere_on_the_deal_page_does_an_override_stand_outside_an_isolate(rep_client, rlo_deal):
    html = rep_client.get(reverse("deals:detail", args=[rlo_deal.pk])).content.decode()
    assert RLO not in outside_isolates(html, [NAME, TITLE, rlo_deal.name, rlo_deal.account.name])
