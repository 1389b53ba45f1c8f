"""The account-review deck (.pptx, 16:9, zh or en): what a seller walks into a review with.

Slides: title; the power map (a picture with names laid over it); position score and its trend;
critical findings with their actions; the strategy board; attitude trends of key people; next
actions. Pure: a domain deal and its report in, bytes out.

Every text run names an East Asian typeface (`a:ea`) as well as the Latin one: python-pptx's
`font.name` sets only the Latin face, and without `a:ea` Chinese falls back to whatever the
viewer picks (boxes in some LibreOffice installs).

What people typed (names, titles, competitors, the stage) may be written right to left, even hold
an unclosed RIGHT-TO-LEFT OVERRIDE (U+202E) that would turn the rest of its line around. Wherever
such a value sits among other words it is isolated between FSI and PDI (``dealmap.interchange.bidi``,
as the web pages do); a run holding the value alone needs nothing.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from pptx import Presentation
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_AXIS_CROSSES, XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from dealmap.engine import analyze
from dealmap.engine.model import Deal
from dealmap.engine.report import Report
from dealmap.interchange.bidi import isolate_within, isolated, typed_texts
from dealmap.interchange.power_map import (
    LEVEL_COLOURS,
    PICTURE,
    RELATION_COLOURS,
    REPORTS_COLOUR,
    UNASSESSED,
    layout,
    render,
)
from dealmap.interchange.xmltext import xml_safe
from dealmap.method.codes import (
    BUYING_ROLES,
    KEY_ROLES,
    LAYERS,
    SEVERITIES,
    STRATEGIES,
    STRATEGY_OF_GROUP,
    Text,
)
from dealmap.method.outline import rule_label

EA_FONT = "Microsoft YaHei"  # PowerPoint/WPS; LibreOffice substitutes its CJK font (e.g. WenQuanYi)
LATIN_FONT = {"zh": "Microsoft YaHei", "en": "Calibri"}
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
NAVY = RGBColor(0x1F, 0x4E, 0x79)
GREY = RGBColor(0x59, 0x59, 0x59)
SEVERITY_COLOURS = {
    "critical": RGBColor(0xC0, 0x39, 0x2B),
    "warning": RGBColor(0xE6, 0x7E, 0x22),
    "info": RGBColor(0x7F, 0x8C, 0x8D),
}

T = {
    "title": Text("客户回顾", "Account review"),
    "as_of": Text("截至", "As of"),
    "map": Text("权力地图", "Power map"),
    "score": Text("态势评分与趋势", "Position score and trend"),
    "findings": Text("关键发现与行动", "Critical findings and actions"),
    "board": Text("策略看板", "Strategy board"),
    "trends": Text("关键人物态度趋势", "Attitude trends of key people"),
    "next": Text("下一步行动", "Next actions"),
    "balance": Text("支持度平衡", "Support balance"),
    "parts": {
        "balance": Text("支持度", "Support"),
        "coverage": Text("覆盖度", "Coverage"),
        "champion_coach": Text("支持者与内线", "Champion & coach"),
        "freshness": Text("信息新鲜度", "Freshness"),
    },
    "not_win": Text("态势评分不是赢单概率", "A position, not a win probability"),
    "unassessed": Text("未评估", "Not assessed"),
    "coach": Text("内线", "coach"),
    "none": Text("暂无", "None"),
    "person": Text("人物", "Person"),
    "severity": Text("级别", "Severity"),
    "finding": Text("发现", "Finding"),
    "action": Text("建议行动", "Action"),
    "rule": Text("依据", "Rule"),
    "strategy": Text("策略", "Strategy"),
    "reports": Text("汇报", "reports to"),
    "more": Text("另有 {n} 条，见 DealMap", "{n} more in DealMap"),
}
RELATION_LABELS = {
    "influences": Text("影响", "influences"),
    "conflicts": Text("冲突", "conflicts"),
    "close": Text("关系密切", "close"),
}


# -- text helpers --------------------------------------------------------------------------------


def set_font(font, lang: str, *, size: float | None = None, bold: bool | None = None, colour=None) -> None:
    """Set a run's (or a chart's) font with both the Latin and the East Asian typeface."""
    font.name = LATIN_FONT[lang]
    rpr = font._rPr
    for tag in ("a:ea", "a:cs"):
        element = rpr.find(qn(tag))
        if element is None:
            element = rpr.makeelement(qn(tag), {})
            # a:latin, a:ea, a:cs must follow any fill in schema order; python-pptx put a:latin already.
            latin = rpr.find(qn("a:latin"))
            latin.addnext(element) if tag == "a:ea" else rpr.find(qn("a:ea")).addnext(element)
        element.set("typeface", EA_FONT)
    rpr.set("lang", "zh-CN" if lang == "zh" else "en-US")
    rpr.set("altLang", "en-US" if lang == "zh" else "zh-CN")
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if colour is not None:
        font.color.rgb = colour


def write(frame, lines, lang: str, *, size: float = 14, colour=None, bold=False, align=None) -> None:
    """Fill a text frame: one paragraph per line; a line may be (text, size, bold, colour)."""
    frame.word_wrap = True
    first = True
    for line in lines:
        text, s, b, c = (line, size, bold, colour) if isinstance(line, str) else line
        paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
        first = False
        if align is not None:
            paragraph.alignment = align
        run = paragraph.add_run()
        run.text = xml_safe(text)
        set_font(run.font, lang, size=s, bold=b, colour=c)


def box(slide, x, y, w, h, lines, lang: str, **kw):
    shape = slide.shapes.add_textbox(Emu(x), Emu(y), Emu(w), Emu(h))
    shape.text_frame.margin_left = shape.text_frame.margin_right = Inches(0.05)
    write(shape.text_frame, lines, lang, **kw)
    return shape


def heading(slide, text: Text, lang: str, deal: Deal) -> None:
    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, WIDTH, Inches(0.12))
    bar.fill.solid()
    bar.fill.fore_color.rgb = NAVY
    bar.line.fill.background()
    box(
        slide,
        Inches(0.5),
        Inches(0.3),
        Inches(9),
        Inches(0.7),
        [text.get(lang)],
        lang,
        size=26,
        bold=True,
        colour=NAVY,
    )
    footer = f"{isolated(deal.account.name)} · {isolated(deal.opportunity.name)}"
    box(slide, Inches(0.5), Inches(7.0), Inches(12.3), Inches(0.4), [footer], lang, size=10, colour=GREY)


def names(deal: Deal) -> dict[str, str]:
    return {p.id: p.name for p in deal.stakeholders}


def level_text(level: int | None, lang: str) -> str:
    return T["unassessed"].get(lang) if level is None else f"{level:+d}" if level else "0"


# -- slides ----------------------------------------------------------------------------------------


def _title(prs, deal: Deal, report: Report, lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, Inches(2.2), WIDTH, Inches(2.6))
    band.fill.solid()
    band.fill.fore_color.rgb = NAVY
    band.line.fill.background()
    o = deal.opportunity
    white = RGBColor(0xFF, 0xFF, 0xFF)
    lines = [
        (f"{deal.account.name}", 36, True, white),
        (f"{T['title'].get(lang)} · {isolated(o.name)}", 24, False, white),
    ]
    box(slide, Inches(0.8), Inches(2.45), Inches(11.7), Inches(2.2), lines, lang)
    facts = [isolated(o.stage), f"{o.amount:,.0f} {isolated(o.currency)}" if o.amount is not None else ""]
    facts.append(f"{T['as_of'].get(lang)} {report.as_of.isoformat()}")
    box(
        slide,
        Inches(0.8),
        Inches(5.2),
        Inches(11.7),
        Inches(0.6),
        [" · ".join(f for f in facts if f)],
        lang,
        size=16,
        colour=GREY,
    )
    box(
        slide,
        Inches(0.8),
        Inches(6.6),
        Inches(11.7),
        Inches(0.5),
        [Text("DealMap · 大客户决策地图", "DealMap").get(lang)],
        lang,
        size=12,
        colour=GREY,
    )


def _power_map(prs, deal: Deal, report: Report, lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    heading(slide, T["map"], lang, deal)
    people = {p.id: p for p in report.people}
    levels = {pid: v.level for pid, v in people.items()}
    weights = {pid: v.weight for pid, v in people.items()}
    nodes = layout(deal, levels, weights)
    left, top, w, h = Inches(1.3), Inches(1.1), Inches(8.6), Inches(5.8)
    png = render(deal, nodes, width=PICTURE[0], height=PICTURE[1])
    slide.shapes.add_picture(io.BytesIO(png), left, top, w, h)
    for i, code in enumerate(LAYERS.codes):
        y = top + h * i // len(LAYERS) + Inches(0.1)
        box(
            slide,
            Inches(0.1),
            y,
            Inches(1.2),
            Inches(0.5),
            [LAYERS.label(code, lang)],
            lang,
            size=10 if lang == "en" else 12,  # "Management" in 12 pt broke inside the word
            bold=True,
            colour=NAVY,
        )
    by_id = {p.id: p for p in deal.stakeholders}
    in_row: dict[float, list] = {}
    for n in nodes:
        in_row.setdefault(n.y, []).append(n)
    for n in nodes:
        cx, cy, r = left + int(w * n.x), top + int(h * n.y), int(h * n.radius)
        row = in_row[n.y]
        gap = int(w / (len(row) + 1))  # between neighbours' centres
        crowded = gap < Inches(1.25)  # a name only, smaller, every other one lower
        light = n.level is None or -2 < n.level < 3
        figure = max(2 * r, Inches(0.5))  # a small circle's "+2" must not wrap to "+ / 2"
        box(
            slide,
            cx - figure // 2,
            cy - Inches(0.2),
            figure,
            Inches(0.4),
            [level_text(n.level, lang) if n.level is not None else "?"],
            lang,
            size=14 if r >= Inches(0.3) else 9,
            bold=True,
            colour=RGBColor(0x33, 0x33, 0x33) if light else RGBColor(0xFF, 0xFF, 0xFF),
            align=PP_ALIGN.CENTER,
        )
        person = by_id[n.id]
        role = BUYING_ROLES.label(person.buying_role, lang)
        coach = f" ★{T['coach'].get(lang)}" if person.is_coach else ""
        if crowded:
            label = [(isolated(person.name) + coach, 9, True, None)]
            lower = Inches(0.2) if row.index(n) % 2 else 0
            box(slide, cx - gap, cy + r + lower, 2 * gap, Inches(0.3), label, lang, align=PP_ALIGN.CENTER)
            continue
        label = [
            (isolated(person.name) + coach, 12, True, None),
            (f"{isolated(person.title)} · {role}".strip(" ·"), 9, False, GREY),
        ]
        box(slide, cx - Inches(1.15), cy + r, Inches(2.3), Inches(0.55), label, lang, align=PP_ALIGN.CENTER)
    _map_legend(slide, lang, report)


def _map_legend(slide, lang: str, report: Report) -> None:
    x, y = Inches(10.2), Inches(1.2)
    for i, level in enumerate(range(4, -5, -1)):
        dot = slide.shapes.add_shape(MSO_SHAPE.OVAL, x, y + Inches(0.3) * i, Inches(0.22), Inches(0.22))
        dot.fill.solid()
        dot.fill.fore_color.rgb = RGBColor(*LEVEL_COLOURS[level])
        dot.line.fill.background()
        box(
            slide,
            x + Inches(0.3),
            y + Inches(0.3) * i - Inches(0.06),
            Inches(2.5),
            Inches(0.3),
            [f"{level:+d}" if level else "0"],
            lang,
            size=10,
        )
    ring = slide.shapes.add_shape(MSO_SHAPE.OVAL, x, y + Inches(2.75), Inches(0.22), Inches(0.22))
    ring.fill.background()
    ring.line.color.rgb = RGBColor(*UNASSESSED)
    ring.line.width = Pt(2)
    box(
        slide,
        x + Inches(0.3),
        y + Inches(2.69),
        Inches(2.5),
        Inches(0.3),
        [T["unassessed"].get(lang)],
        lang,
        size=10,
    )
    lines = [(T["reports"], REPORTS_COLOUR, Pt(1.5))]  # the thin grey reporting lines were unexplained
    lines += [(RELATION_LABELS[kind], colour, Pt(3)) for kind, colour in RELATION_COLOURS.items()]
    for i, (label, colour, width) in enumerate(lines):
        top = y + Inches(3.25) + Inches(0.3) * i
        line = slide.shapes.add_connector(1, x, top + Inches(0.11), x + Inches(0.25), top + Inches(0.11))
        line.line.color.rgb = RGBColor(*colour)
        line.line.width = width
        box(
            slide,
            x + Inches(0.3),
            top - Inches(0.06),
            Inches(2.5),
            Inches(0.3),
            [label.get(lang)],
            lang,
            size=10,
        )
    size_note = Text("圆越大，影响力（权力+权威）越大", "Bigger circle: more influence (power + authority)")
    balance = f"{T['balance'].get(lang)}: {report.balance:+.2f}"
    box(
        slide,
        x,
        y + Inches(4.6),
        Inches(2.9),
        Inches(1.2),
        [size_note.get(lang), balance],
        lang,
        size=10,
        colour=GREY,
    )


def score_history(deal: Deal, report: Report, points: int = 6, step: int = 30) -> list[tuple[date, int]]:
    """The position score at monthly steps back from as_of (the engine ignores anything later)."""
    out = []
    for i in range(points - 1, 0, -1):
        if report.as_of.toordinal() - step * i < 1:  # before the calendar starts: no point
            continue
        day = report.as_of - timedelta(days=step * i)
        out.append((day, analyze(replace(deal, as_of=day), as_of=day).score.value))
    out.append((report.as_of, report.score.value))
    return out


def _score(prs, deal: Deal, report: Report, lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    heading(slide, T["score"], lang, deal)
    box(
        slide,
        Inches(0.6),
        Inches(1.3),
        Inches(3.2),
        Inches(1.5),
        [(str(report.score.value), 72, True, NAVY)],
        lang,
        align=PP_ALIGN.CENTER,
    )
    box(
        slide,
        Inches(0.6),
        Inches(2.9),
        Inches(3.2),
        Inches(0.5),
        ["/ 100  · " + T["not_win"].get(lang)],
        lang,
        size=11,
        colour=GREY,
        align=PP_ALIGN.CENTER,
    )
    lines = [f"{T['balance'].get(lang)}: {report.balance:+.2f}"]
    for key, value in report.score.parts.items():
        label = T["parts"].get(key)
        lines.append(f"{label.get(lang) if label else key}: {value:g}")
    box(slide, Inches(0.8), Inches(3.6), Inches(3.0), Inches(3.0), lines, lang, size=14)
    history = score_history(deal, report)
    data = CategoryChartData()
    data.categories = [d.isoformat() for d, _ in history]
    data.add_series(T["score"].get(lang), [v for _, v in history])
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.LINE_MARKERS, Inches(4.3), Inches(1.2), Inches(8.5), Inches(5.6), data
    )
    chart = frame.chart
    chart.has_legend = False
    chart.has_title = False
    chart.value_axis.minimum_scale, chart.value_axis.maximum_scale = 0, 100
    set_font(chart.font, lang, size=11)
    chart.plots[0].series[0].format.line.color.rgb = NAVY
    chart.plots[0].series[0].format.line.width = Pt(3)


def _findings(prs, deal: Deal, report: Report, lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    heading(slide, T["findings"], lang, deal)
    texts = typed_texts(deal)
    ranked = [f for f in report.findings if f.severity in ("critical", "warning")] or list(report.findings)
    shown, rest = ranked[:8], len(ranked) - 8
    if not shown:
        box(slide, Inches(0.6), Inches(1.5), Inches(12), Inches(1), [T["none"].get(lang)], lang, size=18)
        return
    heads = [T["severity"], T["finding"], T["action"], T["rule"]]
    widths = [Inches(1.0), Inches(5.4), Inches(4.9), Inches(1.0)]
    table = slide.shapes.add_table(
        len(shown) + 1, 4, Inches(0.5), Inches(1.2), sum(widths, Emu(0)), Inches(0.4)
    ).table
    for i, wd in enumerate(widths):
        table.columns[i].width = wd
    for i, head in enumerate(heads):
        _cell(table.cell(0, i), head.get(lang), lang, 12, bold=True, colour=RGBColor(0xFF, 0xFF, 0xFF))
    for r, f in enumerate(shown, start=1):
        _cell(
            table.cell(r, 0),
            SEVERITIES.label(f.severity, lang),
            lang,
            11,
            bold=True,
            colour=SEVERITY_COLOURS[f.severity],
        )
        _cell(table.cell(r, 1), isolate_within(f.message.get(lang), texts), lang, 10.5)
        _cell(table.cell(r, 2), isolate_within(f.action.get(lang), texts), lang, 10.5)
        _cell(table.cell(r, 3), rule_label(f.rule, lang), lang, 9, colour=GREY)
    if rest > 0:
        box(
            slide,
            Inches(0.5),
            Inches(6.6),
            Inches(12),
            Inches(0.4),
            [T["more"].get(lang).format(n=rest)],
            lang,
            size=10,
            colour=GREY,
        )


def _cell(cell, text: str, lang: str, size: float, *, bold=False, colour=None) -> None:
    cell.text_frame.clear()
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    cell.margin_top = cell.margin_bottom = Inches(0.04)
    write(cell.text_frame, [text], lang, size=size, bold=bold, colour=colour)


def _board(prs, deal: Deal, report: Report, lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    heading(slide, T["board"], lang, deal)
    colours = {
        "reinforce": RGBColor(0x2E, 0x9E, 0x4F),
        "develop": RGBColor(0xC9, 0xA2, 0x27),
        "isolate": RGBColor(0xC0, 0x39, 0x2B),
        "assess": RGBColor(0x95, 0x95, 0x95),
    }
    texts = typed_texts(deal)
    for i, strategy in enumerate(STRATEGY_OF_GROUP.values()):
        x, w = Inches(0.5) + Inches(3.1) * i, Inches(2.95)
        head = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, x, Inches(1.2), w, Inches(0.55))
        head.fill.solid()
        head.fill.fore_color.rgb = colours[strategy]
        head.line.fill.background()
        write(
            head.text_frame,
            [STRATEGIES.label(strategy, lang)],
            lang,
            size=15,
            bold=True,
            colour=RGBColor(0xFF, 0xFF, 0xFF),
            align=PP_ALIGN.CENTER,
        )
        people = sorted((p for p in report.people if p.strategy == strategy), key=lambda p: -p.weight)
        lines = []
        for p in people[:4]:
            lines.append((f"{isolated(p.name)}  {level_text(p.level, lang)}", 13, True, None))
            if p.actions:
                action = isolate_within(p.actions[0].text.get(lang), texts)
                lines.append((_short(action, 70, lang), 9.5, False, GREY))
        if not lines:
            lines = [(T["none"].get(lang), 12, False, GREY)]
        panel = box(slide, x, Inches(1.85), w, Inches(4.9), lines, lang)
        panel.fill.solid()
        panel.fill.fore_color.rgb = RGBColor(0xF6, 0xF8, 0xFB)


def _short(text: str, limit: int, lang: str) -> str:
    """The text cut to about ``limit`` Chinese characters' room. English takes about twice as many
    letters for the same room, and is cut between words, not inside one ("progres…")."""
    if lang != "en":
        return text if len(text) <= limit else text[: limit - 1] + "…"
    room = limit * 2
    if len(text) <= room:
        return text
    cut = text.rfind(" ", 0, room)
    return (text[:cut] if cut > room // 2 else text[: room - 1]).rstrip(" ,;:—-") + "…"


def key_people(deal: Deal) -> list[str]:
    """Key stakeholders (decision makers, approvers, power ≥ 4) with at least one assessment."""
    assessed = {a.stakeholder for a in deal.assessments}
    return [
        p.id
        for p in deal.stakeholders
        if (p.buying_role in KEY_ROLES or (p.power or 3) >= 4) and p.id in assessed
    ]


def _trends(prs, deal: Deal, report: Report, lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    heading(slide, T["trends"], lang, deal)
    who = names(deal)
    people = key_people(deal)
    data = XyChartData()
    epoch = date(1899, 12, 30)
    for pid in people:
        series = data.add_series(xml_safe(who[pid]))
        for a in sorted(
            (a for a in deal.assessments if a.stakeholder == pid and a.date <= report.as_of),
            key=lambda a: a.date,
        ):
            series.add_data_point((a.date - epoch).days, a.level)
    if not people:
        box(slide, Inches(0.6), Inches(1.5), Inches(12), Inches(1), [T["none"].get(lang)], lang, size=18)
        return
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.XY_SCATTER_LINES, Inches(0.6), Inches(1.2), Inches(12.1), Inches(5.7), data
    )
    chart = frame.chart
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.RIGHT
    chart.legend.include_in_layout = False
    axis = chart.value_axis
    axis.minimum_scale, axis.maximum_scale, axis.major_unit = -4, 4, 1
    axis.crosses = XL_AXIS_CROSSES.MINIMUM  # dates along the bottom, not across level 0
    chart.has_title = False
    chart.category_axis.tick_labels.number_format = "yyyy-mm-dd"
    chart.category_axis.tick_labels.number_format_is_linked = False
    set_font(chart.font, lang, size=11)


def _next(prs, deal: Deal, report: Report, lang: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    heading(slide, T["next"], lang, deal)
    by_id = {p.id: p for p in deal.stakeholders}
    texts = typed_texts(deal)
    people = sorted(report.people, key=lambda p: -p.weight)[:7]
    widths = [Inches(1.8), Inches(2.0), Inches(8.5)]
    table = slide.shapes.add_table(
        len(people) + 1, 3, Inches(0.5), Inches(1.2), sum(widths, Emu(0)), Inches(0.4)
    ).table
    for i, wd in enumerate(widths):
        table.columns[i].width = wd
    for i, head in enumerate((T["person"], T["strategy"], T["action"])):
        _cell(table.cell(0, i), head.get(lang), lang, 12, bold=True, colour=RGBColor(0xFF, 0xFF, 0xFF))
    for r, p in enumerate(people, start=1):
        title = by_id[p.id].title if p.id in by_id else ""
        _cell(table.cell(r, 0), f"{isolated(p.name)}\n{isolated(title)}".strip(), lang, 11, bold=True)
        _cell(
            table.cell(r, 1),
            f"{STRATEGIES.label(p.strategy, lang)} ({level_text(p.level, lang)})",
            lang,
            10.5,
        )
        actions = [isolate_within(a.text.get(lang), texts) for a in p.actions[1:3] or p.actions[:1]]
        _cell(table.cell(r, 2), "\n".join(f"• {_short(a, 90, lang)}" for a in actions), lang, 10)


SLIDES = (_title, _power_map, _score, _findings, _board, _trends, _next)


def build_deck(deal: Deal, report: Report, *, lang: str = "zh") -> bytes:
    """The account-review deck of `deal` with its `report`, as .pptx bytes."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    for slide in SLIDES:
        slide(prs, deal, report, lang)
    props = prs.core_properties
    props.title = xml_safe(f"{isolated(deal.account.name)} · {T['title'].get(lang)}")
    # python-pptx's empty deck carries its own author, dates and comments (2013, "Steve Canny").
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    props.author = props.last_modified_by = "DealMap"
    props.created = props.modified = now
    props.revision = 1
    props.comments = props.subject = props.keywords = props.category = ""
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()
