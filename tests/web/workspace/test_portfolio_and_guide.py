"""The portfolio lists what the user may see, sorted and filtered; the method guide backs every finding link."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dealmap.method.findings import CATALOGUE
from dealmap.web.workspace.guide import CHAPTERS, rule_target

pytestmark = pytest.mark.django_db


def rows(html: str) -> list[str]:
    return re.findall(r'<tr data-deal="(\d+)">', html)


def test_the_portfolio_shows_each_visible_deal_with_score_trend_and_critical_count(rep_client, demo_deal):
    html = rep_client.get(reverse("workspace:portfolio")).content.decode()
    assert rows(html) == [str(demo_deal.pk)]
    row = html.split(f'<tr data-deal="{demo_deal.pk}">', 1)[1].split("</tr>", 1)[0]
    assert "MES 生产执行系统升级" in row and "2027-03-31" in row
    assert '<span class="badge sev-critical">2</span>' in row  # two critical findings in the demo


def test_a_rep_does_not_see_another_reps_deal_in_the_portfolio(client, other_rep, demo_deal):
    client.login(username=other_rep.username, password="dealmap-test-pw")
    assert rows(client.get(reverse("workspace:portfolio")).content.decode()) == []


def test_the_manager_sees_the_teams_deals_and_filters_by_owner(client, manager, rep, demo_deal, deal_of_size):
    other = deal_of_size(10)
    client.login(username=manager.username, password="dealmap-test-pw")
    url = reverse("workspace:portfolio")
    assert sorted(rows(client.get(url).content.decode())) == sorted([str(demo_deal.pk), str(other.pk)])
    assert rows(client.get(url, {"owner": str(manager.pk)}).content.decode()) == []
    assert len(rows(client.get(url, {"owner": str(rep.pk)}).content.decode())) == 2


def test_the_portfolio_sorts_and_filters_by_critical_findings(rep_client, demo_deal, deal_of_size):
    deal_of_size(10)
    url = reverse("workspace:portfolio")
    ascending = rows(rep_client.get(url, {"sort": "name"}).content.decode())
    descending = rows(rep_client.get(url, {"sort": "-name"}).content.decode())
    assert ascending == descending[::-1] and len(ascending) == 2
    only_critical = rows(rep_client.get(url, {"critical": "1"}).content.decode())
    assert str(demo_deal.pk) in only_critical
    assert set(only_critical) <= set(ascending)


def test_the_portfolio_sorts_by_amount_stage_and_owner_too(rep_client, demo_deal, deal_of_size):
    """A manager could not line deals up by amount, stage or owner."""
    from dealmap.web.deals.services import deal_update

    small = deal_of_size(5)
    deal_update(deal=small, version=small.version, by=None, amount=1000, currency="CNY", stage="初步接触")
    url = reverse("workspace:portfolio")
    by_amount = rows(rep_client.get(url, {"sort": "amount"}).content.decode())
    assert by_amount == [str(small.pk), str(demo_deal.pk)]  # 1,000 before 2,800,000
    assert rows(rep_client.get(url, {"sort": "-amount"}).content.decode()) == by_amount[::-1]
    by_stage = rows(rep_client.get(url, {"sort": "stage"}).content.decode())
    assert by_stage == sorted(
        by_stage, key=lambda pk: {str(small.pk): "初步接触", str(demo_deal.pk): "方案评估"}[pk]
    )
    html = rep_client.get(url, {"sort": "owner"}).content.decode()
    assert len(rows(html)) == 2 and 'aria-sort="ascending"' in html.split("</thead>")[0]


def test_the_portfolio_runs_the_same_queries_for_one_deal_as_for_four(rep_client, demo_deal, deal_of_size):
    url = reverse("workspace:portfolio")
    rep_client.get(url)
    with CaptureQueriesContext(connection) as one:
        rep_client.get(url)
    for size in (5, 10, 20):
        deal_of_size(size)
    with CaptureQueriesContext(connection) as four:
        assert len(rows(rep_client.get(url).content.decode())) == 4
    assert len(four) == len(one)


def test_an_unknown_sort_falls_back_to_the_score(rep_client, demo_deal):
    assert rep_client.get(reverse("workspace:portfolio"), {"sort": "evil"}).status_code == 200


def test_every_finding_in_the_catalogue_links_to_an_existing_guide_section(rep_client):
    anchors = {s.anchor for c in CHAPTERS for s in c.sections} | {c.slug for c in CHAPTERS}
    for spec in CATALOGUE.values():
        chapter, anchor = rule_target(spec.rule)
        assert anchor in anchors, spec.code
        html = rep_client.get(reverse("workspace:method_chapter", args=[chapter])).content.decode()
        assert f'id="{anchor}"' in html, spec.code


def test_a_findings_link_on_the_deal_page_opens_its_course_section(rep_client, demo_deal):
    html = rep_client.get(reverse("deals:detail", args=[demo_deal.pk])).content.decode()
    links = set(re.findall(r'href="(/method/ch\d/#ch\d(?:-s\d)?)"', html))
    assert "/method/ch5/#ch5-s1" in links
    for link in links:
        path, anchor = link.split("#")
        assert f'id="{anchor}"' in rep_client.get(path).content.decode()


def test_the_guide_is_chinese_by_default_and_english_on_request(client, rep):
    client.login(username=rep.username, password="dealmap-test-pw")
    zh = client.get(reverse("workspace:method_chapter", args=["ch5"])).content.decode()
    assert "坚决拥护" in zh and "排斥竞争者和反对者，只接受我方" in zh
    client.cookies["django_language"] = "en"
    en = client.get(reverse("workspace:method_chapter", args=["ch5"])).content.decode()
    assert "fully committed" in en and "rejects competitors and opponents, accepts only us" in en


def test_the_guide_lists_every_finding_in_its_catalogue(rep_client):
    html = rep_client.get(reverse("workspace:method_chapter", args=["findings"])).content.decode()
    for code in CATALOGUE:
        assert f'id="{code}"' in html


def test_an_unknown_chapter_answers_404(rep_client):
    assert rep_client.get(reverse("workspace:method_chapter", args=["ch9"])).status_code == 404


def test_the_guide_needs_a_login(client):
    assert client.get(reverse("workspace:method")).status_code == 302


@pytest.mark.parametrize("slug", [c.slug for c in CHAPTERS] + ["findings"])
def test_no_guide_page_shows_an_unfilled_placeholder(client, rep, slug):
    """The guide printed "Ask {names}, who support us, to sway them." as written in the method."""
    client.login(username=rep.username, password="dealmap-test-pw")
    for lang in ("zh-hans", "en"):
        client.cookies["django_language"] = lang
        html = client.get(reverse("workspace:method_chapter", args=[slug])).content.decode()
        assert not re.search(r"\{[a-z_]+\}", html), (slug, lang)
