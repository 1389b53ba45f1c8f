"""The person panel: fields, assessments appended, interactions, conflicts, suggestions, read-only replay."""

from __future__ import annotations

import json
import re
from datetime import date
from html import unescape
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from dealmap.signals import read_note
from dealmap.web.deals.models import Assessment, Interaction

HTMX = {"HTTP_HX_REQUEST": "true"}
pytestmark = pytest.mark.django_db


def url(name: str, deal, key: str = "p4") -> str:
    return reverse(f"workspace:{name}", args=[deal.pk, key])


def test_the_panel_is_a_fragment_for_htmx_and_a_page_otherwise(rep_client, demo_deal):
    fragment = rep_client.get(url("person", demo_deal), **HTMX).content.decode()
    page = rep_client.get(url("person", demo_deal)).content.decode()
    assert fragment.lstrip().startswith('<div class="person-panel"') and "<html" not in fragment
    assert "<html" in page and "周文" in page


def test_the_panel_shows_the_history_with_its_evidence_and_the_level_table(rep_client, demo_deal):
    html = rep_client.get(url("person", demo_deal)).content.decode()
    assert 'id="history-chart"' in html and 'id="history-data"' in html
    assert "在评审会上公开质疑我方架构" in html
    assert 'id="levels-data"' in html and "势不两立" in html


def test_a_person_of_another_deal_or_a_missing_key_answers_404(rep_client, demo_deal):
    assert rep_client.get(url("person", demo_deal, "p99")).status_code == 404


def test_recording_an_assessment_appends_it_and_returns_the_panel_with_the_new_analysis(
    rep_client, demo_deal
):
    before = list(Assessment.objects.filter(deal=demo_deal).values_list("pk", "level"))
    response = rep_client.post(
        url("assessment_create", demo_deal),
        {"level": "1", "date": "2026-11-27", "evidence": "愿意再谈一次", "signals": ["rebutted"]},
        **HTMX,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="person-panel"' in html and "愿意再谈一次" in html
    for region in ('id="pulse"', 'id="group"', 'id="score"', 'id="findings"', 'id="strategy"'):
        assert region in html
    assert 'id="map-data-box"' in html and 'id="whatif"' in html
    assert html.count('hx-swap-oob="true"') == 7
    after = list(Assessment.objects.filter(deal=demo_deal).values_list("pk", "level"))
    assert after[: len(before)] == before and len(after) == len(before) + 1
    latest = Assessment.objects.filter(deal=demo_deal, person__key="p4").latest("date", "recorded_at", "id")
    assert (latest.level, latest.signals, latest.recorded_by.username) == (1, ["rebutted"], "rep")


def test_an_assessment_dated_in_the_future_is_refused_and_nothing_is_stored(
    rep_client, demo_deal, row_counts
):
    before = row_counts()
    response = rep_client.post(
        url("assessment_create", demo_deal), {"level": "2", "date": "2027-01-01"}, **HTMX
    )
    assert response.status_code == 422 and row_counts() == before


def test_a_level_outside_minus_four_to_four_is_refused(rep_client, demo_deal, row_counts):
    before = row_counts()
    response = rep_client.post(
        url("assessment_create", demo_deal), {"level": "5", "date": "2026-11-20"}, **HTMX
    )
    assert response.status_code == 422 and row_counts() == before


def test_another_rep_cannot_record_an_assessment(client, other_rep, demo_deal, row_counts):
    client.login(username=other_rep.username, password="dealmap-test-pw")
    before = row_counts()
    response = client.post(url("assessment_create", demo_deal), {"level": "4", "date": "2026-11-20"})
    assert response.status_code == 404 and row_counts() == before


def test_logging_an_interaction_stores_it_with_its_participants(rep_client, demo_deal):
    response = rep_client.post(
        url("interaction_create", demo_deal),
        {
            "date": "2026-11-26",
            "channel": "wechat",
            "participants": ["p4", "p3"],
            "summary": "技术澄清",
            "trust_delta": "1",
        },
        **HTMX,
    )
    assert response.status_code == 200 and "技术澄清" in response.content.decode()
    stored = Interaction.objects.get(deal=demo_deal, summary="技术澄清")
    assert [p.person.key for p in stored.participations.all()] == ["p4", "p3"] and stored.trust_delta == 1


def test_an_interaction_needs_a_participant(rep_client, demo_deal, row_counts):
    before = row_counts()
    response = rep_client.post(url("interaction_create", demo_deal), {"date": "2026-11-26"}, **HTMX)
    assert response.status_code == 422 and row_counts() == before


def person_form(demo_deal, key="p4", **changes) -> dict:
    part = demo_deal.parts.select_related("person").get(person__key=key)
    person = part.person
    data = {
        "name": person.name,
        "title": person.title,
        "layer": person.layer,
        "department": person.department,
        "reports_to": person.reports_to.key if person.reports_to else "",
        "buying_role": part.buying_role,
        "power": part.power or "",
        "authority": part.authority or "",
        "personal_need": person.personal_need,
        "change_style": person.change_style,
        "personal_wins": part.personal_wins,
        "objection_kind": part.objection_kind,
        "objection_text": part.objection_text,
        "notes": person.notes,
        "person_version": person.version,
        "part_version": part.version,
    }
    if part.is_coach:
        data["is_coach"] = "on"
    return {**data, **changes}


def test_saving_the_details_changes_the_person_and_their_part(rep_client, demo_deal):
    response = rep_client.post(
        url("person_save", demo_deal), person_form(demo_deal, title="CTO", power="5"), **HTMX
    )
    assert response.status_code == 200
    part = demo_deal.parts.select_related("person").get(person__key="p4")
    assert (part.person.title, part.power, part.person.version, part.version) == ("CTO", 5, 2, 2)


def test_saving_over_someone_elses_change_is_refused_as_a_conflict(rep_client, demo_deal):
    stale = person_form(demo_deal, title="mine")
    rep_client.post(url("person_save", demo_deal), person_form(demo_deal, title="theirs"), **HTMX)
    response = rep_client.post(url("person_save", demo_deal), stale, **HTMX)
    assert response.status_code == 409
    assert demo_deal.parts.get(person__key="p4").person.title == "theirs"


def test_a_bad_detail_is_refused(rep_client, demo_deal):
    response = rep_client.post(url("person_save", demo_deal), person_form(demo_deal, layer="board"), **HTMX)
    assert response.status_code == 422
    assert demo_deal.parts.get(person__key="p4").person.layer == "management"


def test_suggest_from_note_fills_the_form_for_the_user_to_confirm(rep_client, demo_deal, row_counts):
    before = row_counts()
    note = "他在会上公开说我们的方案不行,还把报价透露给了竞争对手"
    response = rep_client.post(url("note_read", demo_deal), {"evidence": note}, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and 'id="assessment-box"' in html and note in html
    assert 'class="suggestion"' in html and row_counts() == before


def test_the_panel_in_replay_is_read_only(rep_client, demo_deal):
    html = rep_client.get(url("person", demo_deal) + "?as_of=2026-09-01", **HTMX).content.decode()
    assert "<fieldset disabled>" in html and "2026-09-01" in html
    assert "在评审会上公开质疑我方架构" not in html  # recorded on 2026-11-10


def test_apply_as_assessment_opens_the_form_at_the_chosen_level(rep_client, demo_deal):
    html = rep_client.get(url("person", demo_deal) + "?level=2", **HTMX).content.decode()
    assert 'name="level" min="-4" max="4" step="1" value="2"' in html


def test_a_future_clock_moves_the_default_date_of_the_forms(rep_client, demo_deal, fixed_today):
    fixed_today(date(2026, 12, 3))
    html = rep_client.get(url("person", demo_deal), **HTMX).content.decode()
    assert 'value="2026-12-03"' in html


def test_a_person_whose_key_has_a_slash_and_spaces_opens_and_takes_an_assessment(rep_client, demo_deal):
    person = demo_deal.parts.get(person__key="p6").person
    type(person).objects.filter(pk=person.pk).update(key="财务/吴 芳")
    assert (
        rep_client.get(reverse("workspace:person", args=[demo_deal.pk, "财务/吴 芳"]), **HTMX).status_code
        == 200
    )
    response = rep_client.post(
        reverse("workspace:assessment_create", args=[demo_deal.pk, "财务/吴 芳"]),
        {"level": "1", "date": "2026-11-27"},
        **HTMX,
    )
    assert response.status_code == 200
    assert Assessment.objects.filter(deal=demo_deal, person=person, level=1).exists()
    page = rep_client.get(reverse("deals:detail", args=[demo_deal.pk])).content.decode()
    assert 'data-key="财务/吴 芳"' in page


# --- Suggest from a visit note in the interaction form ---------------------------------------------

CHECKED_SIGNAL = re.compile(r'<input type="checkbox" name="signals" value="([a-z_]+)"[^>]*\schecked>')


def ticked_signals(html: str) -> set[str]:
    """The behaviour signals ticked in the interaction form of ``html``."""
    box = html.split('id="interaction-box"', 1)[1]
    return set(CHECKED_SIGNAL.findall(box))


def visit(summary: str, **fields) -> dict:
    return {"date": "2026-11-20", "channel": "", "participants": ["p4"], "summary": summary, **fields}


def test_suggest_from_a_chinese_visit_note_ticks_its_signals_and_shows_level_and_departments_with_cues(
    rep_client, demo_deal, row_counts
):
    note = "他当面说支持，背后却在反对我们；采购那边也在压价"
    before = row_counts()
    response = rep_client.post(url("interaction_note_read", demo_deal), visit(note), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and html.lstrip().startswith('<div id="interaction-box"')
    assert "public_support_private_opposition" in ticked_signals(html)
    assert ticked_signals(html) == set(read_note(note).signals)
    assert 'class="suggestion"' in html and "当面" in html and "背后" in html  # the signal's cues
    assert "采购部" in html and "压价" in html  # a department and its cue
    assert "填入评估" in html  # the level goes to an assessment, one click away
    assert note in html and 'value="2026-11-20"' in html  # what the user typed stays
    assert row_counts() == before


def test_suggest_from_an_english_visit_note_ticks_its_signals_in_english(rep_client, demo_deal, row_counts):
    rep_client.cookies["django_language"] = "en"
    note = "He leaked our pricing to the competitor and keeps blocking information."
    before = row_counts()
    response = rep_client.post(url("interaction_note_read", demo_deal), visit(note), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "leaks_to_competitor" in ticked_signals(html)
    assert ticked_signals(html) == set(read_note(note).signals)
    assert "Suggested" in html and "Fill in the assessment" in html and "leaked our" in html
    assert row_counts() == before


def test_suggest_keeps_the_signals_the_user_ticked_and_their_other_fields(rep_client, demo_deal):
    note = "他把竞争对手的报价告诉了我们"
    form = visit(note, channel="site_visit", trust_delta="1", signals=["tempted"], participants=["p4", "p1"])
    html = rep_client.post(url("interaction_note_read", demo_deal), form, **HTMX).content.decode()
    assert {"tempted", "shares_inside_info"} <= ticked_signals(html)
    assert re.search(r'<option value="site_visit" selected>', html)
    assert re.search(r'<option value="1" selected>\+1</option>', html)
    assert re.search(r'value="p1"[^>]*checked', html)


def test_a_note_without_cues_ticks_nothing_and_says_so(rep_client, demo_deal):
    html = rep_client.post(
        url("interaction_note_read", demo_deal), visit("会议定在周三下午"), **HTMX
    ).content.decode()
    assert ticked_signals(html) == set() and "这段记录看不出明确的态度。" in html
    assert "js-suggest-assessment" not in html  # no level, nothing to carry over


def test_the_suggested_signals_are_stored_only_when_the_interaction_is_logged(rep_client, demo_deal):
    note = "他当面说支持，背后却在反对我们"
    html = rep_client.post(url("interaction_note_read", demo_deal), visit(note), **HTMX).content.decode()
    assert not Interaction.objects.filter(deal=demo_deal, summary=note).exists()
    response = rep_client.post(
        url("interaction_create", demo_deal), visit(note, signals=sorted(ticked_signals(html))), **HTMX
    )
    assert response.status_code == 200
    stored = Interaction.objects.get(deal=demo_deal, summary=note)
    assert "public_support_private_opposition" in stored.signals


def test_fill_in_the_assessment_sends_the_note_as_evidence_to_the_assessment_suggest(rep_client, demo_deal):
    note = "他当面说支持，背后却在反对我们"
    html = rep_client.post(url("interaction_note_read", demo_deal), visit(note), **HTMX).content.decode()
    button = re.search(r"<button[^>]*js-suggest-assessment[^>]*>", html).group(0)
    assert f'hx-post="{url("note_read", demo_deal)}"' in button and 'hx-target="#assessment-box"' in button
    vals = json.loads(unescape(re.search(r'hx-vals="([^"]*)"', button).group(1)))
    assert vals == {"evidence": note}
    assessment = rep_client.post(url("note_read", demo_deal), vals, **HTMX).content.decode()
    level = read_note(note).level
    assert f'name="level" min="-4" max="4" step="1" value="{level}"' in assessment and note in assessment


# --- Reporting lines and what the assessment form keeps ----------------------------------------------


def test_saving_a_person_in_a_deal_without_their_boss_keeps_the_reporting_line(rep_client, demo_deal):
    """p4 reports to p1; a second deal of the account holds p4 but not p1. Saving p4 there once
    offered no p1 to choose, so the form posted "no boss" and erased the line for every deal."""
    from dealmap.web.deals.models import Deal, Part

    other = Deal.objects.create(account=demo_deal.account, name="二期")
    p4 = demo_deal.parts.get(person__key="p4").person
    Part.objects.create(deal=other, person=p4, buying_role="evaluator")
    html = rep_client.get(url("person", other), **HTMX).content.decode()
    assert re.search(r'<option value="p1" selected>', html)  # the boss is offered, and chosen
    form = person_form(demo_deal, title="CTO") | {"part_version": other.parts.get().version}
    response = rep_client.post(url("person_save", other), form, **HTMX)
    assert response.status_code == 200
    p4.refresh_from_db()
    assert (p4.title, p4.reports_to.key) == ("CTO", "p1")


def test_a_reporting_loop_is_refused_with_the_reason_at_the_field(rep_client, demo_deal):
    """p2 reports to p1; p3 reports to p2. p1 may not report to p3 (p3 → p2 → p1 → p3)."""
    response = rep_client.post(
        url("person_save", demo_deal, "p1"), person_form(demo_deal, "p1", reports_to="p3"), **HTMX
    )
    assert response.status_code == 422
    assert "汇报循环" in response.content.decode()
    assert demo_deal.parts.get(person__key="p1").person.reports_to is None


def test_suggest_from_note_keeps_what_the_user_entered_in_the_assessment_form(rep_client, demo_deal):
    note = "今天天气不错。" * 800  # no attitude in it, and longer than what the reader reads
    form = {"level": "3", "date": "2026-11-01", "signals": ["rebutted"], "evidence": note}
    html = rep_client.post(url("note_read", demo_deal), form, **HTMX).content.decode()
    box = html.split('id="assessment-box"', 1)[1]
    assert 'value="2026-11-01"' in box and 'value="3"' in box
    assert re.search(r'value="rebutted"[^>]*\schecked', box)
    assert note in box  # the whole evidence, not the part the reader read


@pytest.mark.parametrize("view", ["deals:detail", "workspace:trend"])
def test_a_replay_date_at_the_start_of_the_calendar_answers_a_page_not_a_server_error(
    rep_client, demo_deal, view
):
    response = rep_client.get(reverse(view, args=[demo_deal.pk]) + "?as_of=0001-03-01")
    assert response.status_code == 200


def test_a_text_longer_than_a_workbook_takes_back_is_refused_at_the_field(rep_client, demo_deal, row_counts):
    """The deal's Excel export must import again: the import takes 10,000 characters a cell."""
    before = row_counts()
    response = rep_client.post(
        url("person_save", demo_deal), person_form(demo_deal, notes="长" * 10_001), **HTMX
    )
    assert response.status_code == 422
    response = rep_client.post(
        url("assessment_create", demo_deal),
        {"level": "1", "date": "2026-11-27", "evidence": "长" * 10_001},
        **HTMX,
    )
    assert response.status_code == 422 and "10000" in response.content.decode()
    assert row_counts() == before
    assert demo_deal.parts.get(person__key="p4").person.notes != "长" * 10_001


@pytest.mark.parametrize("name", ["\u200b", "\u200b\u200e \u2060"])
def test_a_name_of_only_invisible_characters_is_refused(rep_client, demo_deal, name):
    response = rep_client.post(url("person_save", demo_deal), person_form(demo_deal, name=name), **HTMX)
    assert response.status_code == 422
    assert demo_deal.parts.get(person__key="p4").person.name == "周文"


class _FormFields(HTMLParser):
    """The fields a browser would send for the first form with ``css_class``: inputs, ticked
    checkboxes, the selected option of each select, textareas with their line breaks as CRLF."""

    def __init__(self, css_class: str):
        super().__init__()
        self.css_class, self.inside, self.done = css_class, False, False
        self.data: list[tuple[str, str]] = []
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self.done and self.css_class in (a.get("class") or "").split():
            self.inside = True
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            if a.get("type") != "checkbox" or "checked" in a:
                self.data.append((a["name"], a.get("value") or ("on" if a.get("type") == "checkbox" else "")))
        elif tag == "select":
            self.select, self.first, self.chosen = a["name"], None, None
        elif tag == "option" and self.select:
            self.first = a.get("value", "") if self.first is None else self.first
            self.chosen = a.get("value", "") if "selected" in a else self.chosen
        elif tag == "textarea":
            self.textarea, self.text = a["name"], ""

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside, self.done = False, True
        elif tag == "select" and self.select:
            self.data.append((self.select, self.chosen if self.chosen is not None else self.first))
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.data.append((self.textarea, self.text.removeprefix("\n").replace("\n", "\r\n")))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.text += data


def posted_back(html: str, css_class: str) -> dict[str, list[str]]:
    """What submitting the form untouched sends (html entities decoded as a browser does)."""
    parser = _FormFields(css_class)
    parser.feed(html)
    fields: dict[str, list[str]] = {}
    for name, value in parser.data:
        fields.setdefault(name, []).append(value)
    return fields


@pytest.mark.parametrize("key", ["p1", "p4", "p6"])
def test_saving_the_details_untouched_changes_nothing_and_says_so(rep_client, demo_deal, key):
    """What the panel shows, posted back as a browser sends it (notes with several lines come back
    with CRLF, the trailing line break stripped), bumps no version and writes no history entry,
    and says there was nothing to save (not "saved")."""
    from dealmap.web.accounts.models import Person
    from dealmap.web.audit.models import AuditEntry

    Person.objects.filter(account=demo_deal.account, key=key).update(notes="第一行\n第二行\n")
    panel = rep_client.get(url("person", demo_deal, key), **HTMX).content.decode()
    form = posted_back(panel, "person-form")
    assert "\r\n" in form["notes"][0] and form["person_version"] == ["1"]
    entries = AuditEntry.objects.count()
    response = rep_client.post(url("person_save", demo_deal, key), form, **HTMX)
    assert response.status_code == 200 and "没有需要保存的改动。" in response.content.decode()
    part = demo_deal.parts.select_related("person").get(person__key=key)
    assert (part.person.version, part.version) == (1, 1)
    assert part.person.notes == "第一行\n第二行\n"  # left as stored, not rewritten as the form would
    assert AuditEntry.objects.count() == entries


def test_a_changed_multi_line_note_is_stored_with_plain_line_breaks(rep_client, demo_deal):
    form = person_form(demo_deal, notes="一\r\n二\r三")
    assert rep_client.post(url("person_save", demo_deal), form, **HTMX).status_code == 200
    assert demo_deal.parts.get(person__key="p4").person.notes == "一\n二\n三"


NUL_ZH = "这段文字含有空字符（\\x00），无法保存。请删除后再试。"
NUL_EN = "This text contains a NUL character (\\x00), which cannot be stored. Remove it and try again."


def field_error(html: str, field_id: str) -> str:
    """The text of the error shown under the field ``field_id`` (empty if none)."""
    match = re.search(rf'<div class="error" id="{field_id}_error">(.*?)</div>', html, re.S)
    return unescape(match.group(1)) if match else ""


@pytest.mark.parametrize(("lang", "message"), [("zh-hans", NUL_ZH), ("en", NUL_EN)])
def test_a_nul_in_the_evidence_is_named_at_the_field_and_nothing_is_stored(
    rep_client, demo_deal, row_counts, lang, message
):
    rep_client.cookies["django_language"] = lang
    before = row_counts()
    response = rep_client.post(
        url("assessment_create", demo_deal),
        {"level": "1", "date": "2026-11-27", "evidence": "他说\x00好"},
        **HTMX,
    )
    assert response.status_code == 422 and row_counts() == before
    assert field_error(response.content.decode(), "id_evidence") == message


def test_every_error_of_the_assessment_form_is_shown_at_its_field(rep_client, demo_deal):
    response = rep_client.post(
        url("assessment_create", demo_deal),
        {"level": "1", "date": "2026-11-27", "evidence": "长" * 10_001, "signals": ["no_such_signal"]},
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "10000" in field_error(html, "id_evidence") and "no_such_signal" in field_error(html, "id_signals")


@pytest.mark.parametrize("field", ["name", "title", "notes", "personal_wins", "objection_text"])
def test_a_nul_in_a_detail_is_named_at_its_field(rep_client, demo_deal, field):
    form = person_form(demo_deal, **{field: "周\x00文"})
    response = rep_client.post(url("person_save", demo_deal), form, **HTMX)
    assert response.status_code == 422
    assert field_error(response.content.decode(), f"id_{field}") == NUL_ZH
    assert demo_deal.parts.get(person__key="p4").person.version == 1


def test_a_nul_in_an_interaction_summary_is_named_at_the_field(rep_client, demo_deal, row_counts):
    before = row_counts()
    response = rep_client.post(
        url("interaction_create", demo_deal),
        {"date": "2026-11-26", "participants": ["p4"], "summary": "技术\x00澄清"},
        **HTMX,
    )
    assert response.status_code == 422 and row_counts() == before
    assert field_error(response.content.decode(), "id_interaction_summary") == NUL_ZH


def test_a_nul_in_a_research_answer_is_named_at_the_field(rep_client, demo_deal):
    data = {code: answer for code, answer in demo_deal.research_answers()} | {"version": demo_deal.version}
    data["why"] = "降\x00本"
    response = rep_client.post(reverse("workspace:research", args=[demo_deal.pk]), data, **HTMX)
    assert response.status_code == 422
    assert field_error(response.content.decode(), "id_why") == NUL_ZH
    demo_deal.refresh_from_db()
    assert demo_deal.version == 1


def _oob(html: str, region: str) -> str:
    """The out-of-band element ``region`` of a response, up to the next region."""
    start = html.index(f'id="{region}"')
    return html[start : html.find('hx-swap-oob="true"', html.index('hx-swap-oob="true"', start) + 1)]


def test_the_attitude_counts_and_the_buying_group_follow_a_write_from_the_drawer(rep_client, demo_deal):
    # p4 (周文) is the demo's one opponent (-3): rated +3, the counts under the title and the
    # buying-group table must say so without a reload, like the board and the map.
    response = rep_client.post(
        url("assessment_create", demo_deal), {"level": "3", "date": "2026-11-27"}, **HTMX
    )
    html = response.content.decode()
    pulse = _oob(html, "pulse")
    assert re.search(r'pulse-opponent">.*?<strong>0</strong>', pulse), pulse
    group = _oob(html, "group")
    row = group[group.index('data-person="p4"') :]
    row = row[: row.index("</tr>")]
    assert "+3" in row and 'class="level supporter"' in row


def test_a_write_from_the_persons_own_page_sends_no_deal_regions(rep_client, demo_deal):
    page = reverse("workspace:person", args=[demo_deal.pk, "p4"])
    response = rep_client.post(
        url("assessment_create", demo_deal),
        {"level": "1", "date": "2026-11-27"},
        HTTP_HX_CURRENT_URL=f"http://testserver{page}",
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'class="person-panel"' in html
    assert 'hx-swap-oob="true"' not in html


@pytest.mark.parametrize("day", ["0001-01-01", "0026-11-27", "1969-12-31"])
@pytest.mark.parametrize("form", ["assessment_create", "interaction_create"])
def test_a_date_before_1970_is_refused_as_a_likely_typo(rep_client, demo_deal, form, day):
    data = {"level": "1", "date": day, "participants": ["p4"], "summary": "x"}
    before = (Assessment.objects.count(), Interaction.objects.count())
    response = rep_client.post(url(form, demo_deal), data, **HTMX)
    assert response.status_code == 422
    assert "早于 1970-01-01 的日期多半是输入错误" in response.content.decode()
    assert (Assessment.objects.count(), Interaction.objects.count()) == before
    ok = rep_client.post(url(form, demo_deal), {**data, "date": "1970-01-01"}, **HTMX)
    assert ok.status_code == 200


def test_suggested_signals_and_departments_are_separated_in_the_text(rep_client, demo_deal):
    """The labels ran together: "…≈us privately)Sells for us internally"."""
    note = "采购部李经理说价格太高，财务也卡预算；他私下把内部消息告诉我，还在内部帮我们说话"
    html = rep_client.post(url("note_read", demo_deal), {"evidence": note}, **HTMX).content.decode()
    text = re.sub(r"<[^>]+>", "", html)
    assert "）采购" not in text.replace(" ", "") and "；" in text
    assert html.count('class="sep"') >= 1
