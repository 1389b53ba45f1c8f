"""The account-review deck: 16:9, seven slides, the power map as a picture, East Asian font on every run."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from importlib import resources

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Inches

from dealmap.engine import analyze
from dealmap.interchange.bidi import FSI, PDI
from dealmap.interchange.dealfile import load_deal
from dealmap.interchange.deck import EA_FONT, build_deck, key_people, score_history
from dealmap.interchange.power_map import PICTURE, layout, render


@pytest.fixture(scope="module")
def demo():
    data = json.loads(resources.files("dealmap.demo").joinpath("demo-deal.json").read_text("utf-8"))
    deal = load_deal(data)
    return deal, analyze(deal, as_of=deal.as_of)


@pytest.fixture(scope="module", params=["zh", "en"])
def deck(request, demo):
    deal, report = demo
    return request.param, build_deck(deal, report, lang=request.param)


def runs(prs):
    for slide in prs.slides:
        for shape in slide.shapes:
            frames = []
            if shape.has_text_frame:
                frames.append(shape.text_frame)
            if shape.has_table:
                frames.extend(cell.text_frame for row in shape.table.rows for cell in row.cells)
            for frame in frames:
                for paragraph in frame.paragraphs:
                    yield from paragraph.runs


def test_deck_is_16_9_with_the_seven_slides(deck):
    _, data = deck
    prs = Presentation(io.BytesIO(data))
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))
    assert len(prs.slides) == 7


def test_power_map_slide_holds_a_picture_and_every_name(deck, demo):
    _, data = deck
    prs = Presentation(io.BytesIO(data))
    slide = prs.slides[1]
    assert any(shape.shape_type == 13 for shape in slide.shapes)  # MSO_SHAPE_TYPE.PICTURE
    text = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
    for person in demo[0].stakeholders:
        assert person.name in text
    lang, _ = deck  # the legend explains every kind of line drawn, the grey reporting lines too
    for label in ({"zh": "汇报", "en": "reports to"}[lang], {"zh": "冲突", "en": "conflicts"}[lang]):
        assert label in text


def test_every_text_run_names_an_east_asian_typeface(deck):
    _, data = deck
    prs = Presentation(io.BytesIO(data))
    checked = 0
    for run in runs(prs):
        ea = run._r.get_or_add_rPr().find(qn("a:ea"))
        assert ea is not None and ea.get("typeface") == EA_FONT, run.text
        checked += 1
    assert checked > 50


def test_critical_findings_and_their_actions_are_on_the_findings_slide(deck, demo):
    lang, data = deck
    deal, report = demo
    prs = Presentation(io.BytesIO(data))
    text = " ".join(run.text for run in runs(prs)).replace(FSI, "").replace(PDI, "")  # names isolated
    for finding in report.findings:
        if finding.severity == "critical":
            assert finding.message.get(lang) in text and finding.action.get(lang) in text


def test_a_typed_name_among_other_words_is_direction_isolated():
    """A name ending in an unclosed RIGHT-TO-LEFT OVERRIDE would turn the rest of its line around
    (the level after a name, the words after it in a finding): wherever such a value sits among
    other words it is isolated between FSI and PDI; a run holding the value alone needs nothing."""
    data = json.loads(resources.files("dealmap.demo").joinpath("demo-deal.json").read_text("utf-8"))
    rlo = "\u202e"
    opportunity = data["opportunity"]
    for record, key in [(data["account"], "name"), (opportunity, "name"), (opportunity, "stage")]:
        record[key] += rlo
    opportunity["competitors"] = [c + rlo for c in opportunity["competitors"]]
    for person in data["stakeholders"]:
        person["name"] += rlo
        person["title"] += rlo
        for affinity in person["competitor_affinity"]:
            affinity["competitor"] += rlo
    deal = load_deal(data)
    typed = {deal.account.name, deal.opportunity.name}
    outside = re.compile(f"{FSI}[^{PDI}]*({PDI}|$)")  # an isolate left open at a cut ends with the line
    prs = Presentation(io.BytesIO(build_deck(deal, analyze(deal, as_of=deal.as_of))))
    texts = [run.text for run in runs(prs)] + [prs.core_properties.title]
    assert sum(FSI in t for t in texts) > 20
    assert [t for t in texts if rlo in outside.sub("", t) and t not in typed] == []


def test_the_demos_english_lines_fit_whole(deck):
    """The English strategy board and next actions ended in "progres…" and "keep …" (the rule for
    cutting between words is tested on its own below)."""
    lang, data = deck
    shortened = [r.text for r in runs(Presentation(io.BytesIO(data))) if r.text.endswith("…")]
    if lang == "en":  # English gets room for twice as many letters: the demo's actions fit whole
        assert shortened == []


def test_shortening_cuts_chinese_by_characters_and_english_between_words():
    from dealmap.interchange.deck import _short

    assert _short("找出他最看重的组织利益和个人收益", 8, "zh") == "找出他最看重的…"
    text = "Keep in touch with them and share progress before every big decision, twice a month"
    short = _short(text, 20, "en")
    assert short == "Keep in touch with them and share…" and len(short) <= 40
    assert _short("Short enough.", 20, "en") == "Short enough."


def test_the_charts_have_their_data(demo):
    deal, report = demo
    prs = Presentation(io.BytesIO(build_deck(deal, report)))
    charts = [s.chart for slide in prs.slides for s in slide.shapes if s.has_chart]
    assert len(charts) == 2
    scores = list(charts[0].plots[0].series[0].values)
    assert scores[-1] == report.score.value and len(scores) == len(score_history(deal, report))
    assert [s.name for s in charts[1].plots[0].series] == [
        p.name for p in deal.stakeholders if p.id in key_people(deal)
    ]


def test_power_map_picture_colours_people_by_attitude(demo):
    from PIL import Image

    deal, report = demo
    levels = {p.id: p.level for p in report.people}
    nodes = layout(deal, levels, {p.id: p.weight for p in report.people})
    image = Image.open(io.BytesIO(render(deal, nodes, width=860, height=580)))
    opponent = next(n for n in nodes if n.level == -3)
    red, green, blue = image.getpixel((int(opponent.x * 860), int(opponent.y * 580)))
    assert red > 150 and green < 100
    unassessed = next(n for n in nodes if n.level is None)
    assert image.getpixel((int(unassessed.x * 860), int(unassessed.y * 580))) == (255, 255, 255)


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_deck_renders_with_libreoffice_to_seven_pages(tmp_path, demo):
    deal, report = demo
    (tmp_path / "deck.pptx").write_bytes(build_deck(deal, report))
    subprocess.run(
        [
            "libreoffice",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "deck.pptx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", str(tmp_path / "deck.pdf"), str(tmp_path / "page")], check=True
    )
    assert len(list(tmp_path.glob("page-*.png"))) == 7


def test_in_a_crowded_row_of_the_deck_map_no_two_circles_overlap():
    """29 people in one layer drew circles over each other and piled their labels up."""
    from dataclasses import replace

    from dealmap.engine.model import Stakeholder

    people = tuple(
        Stakeholder(
            id=f"p{i}",
            name=f"人员{i}",
            title="经理",
            layer="management",
            department="user",
            buying_role="user",
        )
        for i in range(29)
    )
    deal = load_deal(
        json.loads(resources.files("dealmap.demo").joinpath("demo-deal.json").read_text("utf-8"))
    )
    deal = replace(deal, stakeholders=people, relations=(), assessments=(), interactions=())
    aspect = PICTURE[0] / PICTURE[1]
    nodes = sorted(layout(deal, {}, {p.id: 10 for p in people}, aspect=aspect), key=lambda n: n.x)
    for a, b in zip(nodes, nodes[1:], strict=False):
        gap = (b.x - a.x) * aspect  # in picture heights, as the radii are
        assert a.radius + b.radius <= gap
    data = build_deck(deal, analyze(deal, as_of=deal.as_of), lang="zh")
    assert len(Presentation(io.BytesIO(data)).slides) == 7


def test_the_deck_is_signed_by_dealmap_and_the_english_one_is_english_only(deck):
    """The English title slide said "DealMap 大客户决策地图", and every deck's properties named
    python-pptx's own author, its 2013 dates and "generated using python-pptx"."""
    lang, data = deck
    prs = Presentation(io.BytesIO(data))
    props = prs.core_properties
    assert props.author == props.last_modified_by == "DealMap"
    assert props.created.year >= 2026 and "python-pptx" not in (props.comments or "")
    words = " ".join(shape.text_frame.text for shape in prs.slides[0].shapes if shape.has_text_frame)
    assert ("大客户决策地图" in words) == (lang == "zh")
