"""Search in the notes sellers write (evidence, interaction summaries, objections and personal wins,
person and account notes):
found by a phrase, only where the user may look, escaped, in a fixed number of queries."""

from __future__ import annotations

from datetime import date

import pytest
from access_world import ACTORS, build_world, may_see
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _search(user, q: str, *, language: str = "zh-hans") -> str:
    client = Client()
    client.cookies["django_language"] = language
    client.force_login(user)
    response = client.get(reverse("search"), {"q": q})
    assert response.status_code == 200
    return response.content.decode()


def _notes_section(text: str) -> str:
    return text[text.index('id="hits-notes"') :]


@pytest.fixture
def noted(rep, fixed_today):
    """A deal of ``rep`` whose buyer said 价格太高 (evidence) and "the price is too high" (a visit)."""
    from dealmap.web.accounts.services import account_create, person_create
    from dealmap.web.deals.services import assessment_record, deal_create, interaction_record, part_create

    account = account_create(owner=rep, name="东海机械", notes="老客户,决策慢")
    buyer = person_create(
        account=account, name="钱采购", layer="management", department="purchasing", notes="喜欢喝茶"
    )
    engineer = person_create(account=account, name="孙工", layer="execution", department="technical")
    deal = deal_create(account=account, name="东海二期", by=rep)
    part_create(deal=deal, person=buyer, buying_role="evaluator", by=rep)
    part_create(deal=deal, person=engineer, buying_role="user", by=rep)
    assessment_record(
        deal=deal, person=buyer, date=date(2026, 10, 1), level=-1, by=rep, evidence="他说价格太高,要再比一比"
    )
    interaction_record(
        deal=deal,
        date=date(2026, 11, 3),
        participants=[buyer, engineer],
        by=rep,
        summary="Lunch with Qian: he said The Price Is Too High for phase two",
    )
    return deal, buyer


def test_a_chinese_phrase_in_evidence_finds_the_person_and_the_deal(rep, noted):
    deal, buyer = noted
    notes = _notes_section(_search(rep, "价格太高"))
    assert "钱采购" in notes and "东海二期" in notes and "评估依据" in notes and "2026-10-01" in notes
    assert "<mark>价格太高</mark>" in notes
    assert reverse("workspace:person", args=[deal.pk, buyer.key]) in notes


def test_an_english_phrase_in_an_interaction_is_found_whatever_its_case(rep, noted):
    deal, buyer = noted
    notes = _notes_section(_search(rep, "price is too high", language="en"))
    assert "Interaction" in notes and "<bdi>钱采购</bdi> +1" in notes and "2026-11-03" in notes
    assert "<mark>Price Is Too High</mark>" in notes
    assert reverse("workspace:person", args=[deal.pk, buyer.key]) in notes


def test_person_and_account_notes_are_found_and_labelled_as_notes(rep, noted):
    person_hit = _notes_section(_search(rep, "喝茶"))
    account_hit = _notes_section(_search(rep, "决策慢"))
    assert "钱采购" in person_hit and "备注" in person_hit and "<mark>喝茶</mark>" in person_hit
    assert "东海机械" in account_hit and "<mark>决策慢</mark>" in account_hit


def test_an_objection_and_personal_wins_are_found_and_open_the_persons_drawer(rep, other_rep, noted):
    from dealmap.web.deals.models import Part
    from dealmap.web.deals.services import part_update

    deal, buyer = noted
    part = Part.objects.get(deal=deal, person=buyer)
    part_update(
        part=part,
        version=part.version,
        by=rep,
        objection_kind="not_for_me",
        objection_text="嫌我们的维保费比对手贵三成",
        personal_wins="想在集团采购评比里拿第一",
    )
    objection = _notes_section(_search(rep, "维保费"))
    wins = _notes_section(_search(rep, "采购评比", language="en"))
    assert "异议" in objection and "<mark>维保费</mark>" in objection and "东海二期" in objection
    assert "Personal wins" in wins and "<mark>采购评比</mark>" in wins and "钱采购" in wins
    assert reverse("workspace:person", args=[deal.pk, buyer.key]) in objection
    for q in ("维保费", "采购评比"):
        assert "<mark>" not in _search(other_rep, q)


def test_hits_are_listed_newest_first(rep, noted):
    from dealmap.web.deals.services import interaction_record

    deal, buyer = noted
    interaction_record(
        deal=deal, date=date(2026, 11, 9), participants=[buyer], by=rep, summary="又说价格太高"
    )
    notes = _notes_section(_search(rep, "价格太高"))
    assert notes.index("2026-11-09") < notes.index("2026-10-01")


def test_an_empty_note_search_says_so(rep, noted):
    assert "没有匹配的记录。" in _search(rep, "没人写过这句话")


def test_another_reps_notes_never_match_nor_count(other_rep, noted):
    """Every note of the hidden account matches the query; the other rep gets no hit and no count."""
    for q in ("价格太高", "price is too high", "喝茶", "决策慢"):
        text = _search(other_rep, q)
        assert "钱采购" not in text and "东海" not in text and "<mark>" not in text
        assert "共 0 个结果" in text


def test_a_manager_finds_their_teams_notes(manager, noted):
    assert "<mark>价格太高</mark>" in _search(manager, "价格太高")


def test_a_note_with_markup_is_shown_as_text(rep, noted):
    from dealmap.web.deals.services import assessment_record

    deal, buyer = noted
    assessment_record(
        deal=deal,
        person=buyer,
        date=date(2026, 11, 20),
        level=0,
        by=rep,
        evidence='<script>alert("价格")</script> 价格太高 <b>真的</b>',
    )
    notes = _notes_section(_search(rep, "价格太高"))
    assert "<script>" not in notes and "<b>" not in notes
    assert "&lt;script&gt;alert(&quot;价格&quot;)&lt;/script&gt;" in notes
    assert "<mark>价格太高</mark> &lt;b&gt;" in notes


def test_a_query_with_markup_is_escaped_in_the_highlight(rep, noted):
    from dealmap.web.deals.services import assessment_record

    deal, buyer = noted
    assessment_record(deal=deal, person=buyer, date=date(2026, 11, 21), level=0, by=rep, evidence="x<i>y")
    notes = _notes_section(_search(rep, "<i>"))
    assert "<mark>&lt;i&gt;</mark>" in notes and "<i>" not in notes


def test_the_number_of_queries_does_not_grow_with_the_hits(rep, noted):
    from dealmap.web.accounts.search import search
    from dealmap.web.deals.services import assessment_record, interaction_record

    deal, buyer = noted

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            results = search(user=rep, query="太高")
        assert results.notes
        return len(captured)

    before = queries()
    for day in range(1, 11):
        assessment_record(deal=deal, person=buyer, date=date(2026, 11, day), level=0, by=rep, evidence="太高")
        interaction_record(deal=deal, date=date(2026, 11, day), participants=[buyer], by=rep, summary="太高")
    assert queries() == before


def test_at_most_search_limit_hits_newest_first(rep, noted, monkeypatch):
    from dealmap.web.accounts import search as search_module
    from dealmap.web.deals.services import assessment_record

    deal, buyer = noted
    for day in (5, 25, 15):
        assessment_record(deal=deal, person=buyer, date=date(2026, 11, day), level=0, by=rep, evidence="太高")
    monkeypatch.setattr(search_module, "SEARCH_LIMIT", 2)
    hits = search_module.search(user=rep, query="太高").notes
    assert [hit.day for hit in hits] == [date(2026, 11, 25), date(2026, 11, 15)]


def test_a_person_without_a_part_any_more_links_to_the_deal_page(rep, noted):
    from dealmap.web.accounts.search import search
    from dealmap.web.deals.models import Part
    from dealmap.web.deals.services import part_delete

    deal, buyer = noted
    part_delete(part=Part.objects.get(deal=deal, person=buyer), by=rep)
    hits = search(user=rep, query="价格太高").notes
    assert [hit.url for hit in hits] == [reverse("deals:detail", args=[deal.pk])]


def test_the_snippet_keeps_a_little_context_around_the_match():
    from dealmap.web.accounts.note_search import snippet

    text = "甲" * 100 + " Price\n  too HIGH " + "乙" * 100
    cut = snippet(text, "price too high", context=5)
    assert (cut.before, cut.match, cut.after) == ("…甲甲甲甲 ", "Price too HIGH", " 乙乙乙乙…")
    assert snippet("短", "没有", context=5).after == "短"


@pytest.mark.parametrize("actor", [a for a in ACTORS if a != "anonymous"])
def test_the_access_world_notes_are_found_exactly_where_the_actor_may_see(fixed_today, actor):
    """Each account's evidence, interaction summary, person and account notes, across six actors."""
    world = build_world()
    user = world.users[actor]
    for obj, thing in world.things.items():
        tag = thing.account.name.removeprefix("客户")
        for text in (f"证据{tag}", f"纪要{tag}", f"私下想法{tag}", f"账户备注{tag}"):
            found = f"<mark>{text}</mark>" in _search(user, text)
            assert found == may_see(actor, obj), (actor, obj, text)
