"""The power map as chart data: one node per person, placed by layer and department, and the edges.

Pure: takes the engine's deal and report, returns plain data for the chart script (passed through
a ``json_script`` element, so no user text ever reaches HTML unescaped). Positions are computed
here, not by a force layout, so the map reads like an org chart: the decision layer on top,
management in the middle, execution at the bottom, one column band per department.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from datetime import date

from dealmap.engine.model import Assessment, Deal, Stakeholder
from dealmap.engine.report import Report
from dealmap.method import codes
from dealmap.method.levels import LEVELS

#: Attitude colours from deep red (−4) through grey-yellow (0) to deep green (+4).
LEVEL_COLOURS = {
    -4: "#7f1d1d",
    -3: "#b42318",
    -2: "#e0604f",
    -1: "#f2a48f",
    0: "#d8cf9a",
    1: "#b5dcae",
    2: "#72c37c",
    3: "#2f9650",
    4: "#14532d",
}
UNASSESSED_BORDER = "#98a2b3"
#: The dashed ring and glow of a person whose level is a what-if, not what was assessed.
WHATIF_RING = "#dc6803"
#: How many people sit side by side in one department cell before wrapping to a new row.
CELL_COLUMNS = 6
#: Edge kinds: reports_to plus the relation kinds.
EDGE_KINDS = ("reports_to", *codes.RELATION_KINDS.codes)


def current_assessments(deal: Deal, as_of: date) -> dict[str, Assessment]:
    """Each person's current assessment as of ``as_of`` (the engine's rule: the last by date, then order)."""
    current: dict[str, Assessment] = {}
    for a in deal.assessments:
        if a.date <= as_of and (a.stakeholder not in current or a.date >= current[a.stakeholder].date):
            current[a.stakeholder] = a
    return current


def power_map(
    deal: Deal, report: Report, *, lang: str, actual: Mapping[str, int | None] | None = None
) -> dict:
    """Nodes, links, department bands and layer rows for the power map chart.

    For a what-if, ``deal`` and ``report`` are the hypothetical ones and ``actual`` maps each
    overridden person to their real level (None: not assessed): their nodes carry ``whatIf``
    (from, to) and a dashed ring.
    """
    people = list(deal.stakeholders)
    positions, bands, rows = _layout(people, lang)
    views = {p.id: p for p in report.people}
    current = current_assessments(deal, report.as_of)
    scale = 1.0 if len(people) <= 30 else max(0.35, math.sqrt(30 / len(people)))
    nodes = [_node(p, views.get(p.id), current.get(p.id), positions[p.id], scale, lang) for p in people]
    for node in nodes:
        if actual is not None and node["id"] in actual:
            _mark_hypothetical(node, actual[node["id"]])
    return {
        "nodes": nodes,
        "links": _links(deal, lang),
        "bands": bands,
        "rows": rows,
        "groups": [{"code": g.code, "label": g.label.get(lang)} for g in codes.GROUPS],
        "colours": {str(k): v for k, v in LEVEL_COLOURS.items()},
    }


def _layout(people: list[Stakeholder], lang: str):
    cells: dict[tuple[str, str], list[Stakeholder]] = defaultdict(list)
    for p in people:
        cells[(p.layer, p.department)].append(p)
    departments = [d for d in codes.DEPARTMENTS.codes if any(p.department == d for p in people)]
    widths = {
        d: min(CELL_COLUMNS, max(len(cells[(layer, d)]) for layer in codes.LAYERS.codes)) for d in departments
    }
    heights = {
        layer: max([math.ceil(len(cells[(layer, d)]) / widths[d]) for d in departments] + [1])
        for layer in codes.LAYERS.codes
    }
    positions: dict[str, tuple[float, float]] = {}
    bands, rows = [], []
    x0 = 0.0
    for d in departments:
        bands.append({"x0": x0, "x1": x0 + widths[d], "label": codes.DEPARTMENTS.label(d, lang)})
        x0 += widths[d] + 0.6
    y0 = 0.0
    for layer in codes.LAYERS.codes:
        rows.append({"y0": y0, "y1": y0 + heights[layer], "label": codes.LAYERS.label(layer, lang)})
        for band, d in zip(bands, departments, strict=True):
            for i, p in enumerate(cells[(layer, d)]):
                col, row = i % widths[d], i // widths[d]
                positions[p.id] = (band["x0"] + col + 0.5, y0 + row + 0.5)
        y0 += heights[layer] + 0.5
    return positions, bands, rows


def _node(p: Stakeholder, view, current: Assessment | None, xy, scale: float, lang: str) -> dict:
    level = current.level if current else None
    info = LEVELS.get(level) if level is not None else None
    size = round((14 + 3.6 * p.weight) * scale, 1)
    if level is None:
        style = {
            "color": "#ffffff",
            "borderColor": UNASSESSED_BORDER,
            "borderWidth": 2,
            "borderType": "dashed",
        }
    else:
        style = {"color": LEVEL_COLOURS[level], "borderColor": "#ffffff", "borderWidth": 1.5}
    if p.buying_role == "decision_maker":
        style.update(borderColor="#102a43", borderWidth=3, borderType="solid")
    return {
        "id": p.id,
        "name": p.name,
        "x": xy[0],
        "y": xy[1],
        "symbolSize": size,
        "itemStyle": style,
        "category": (view.group if view else codes.group_of_level(level)),
        "title": p.title,
        "department": codes.DEPARTMENTS.label(p.department, lang),
        "layer": codes.LAYERS.label(p.layer, lang),
        "role": codes.BUYING_ROLES.label(p.buying_role, lang),
        "weight": p.weight,
        "level": level,
        "levelName": info.label.get(lang) if info else "",
        "means": info.means.get(lang) if info else "",
        "evidence": current.evidence if current else "",
        "evidenceDate": current.date.isoformat() if current else "",
        "decisionMaker": p.buying_role == "decision_maker",
        "coach": p.is_coach,
        "strategy": codes.STRATEGIES.label(view.strategy, lang) if view else "",
    }


def _mark_hypothetical(node: dict, actual: int | None) -> None:
    """Ring a what-if node (dashed, with a glow) and note the level it really has."""
    node["whatIf"] = {"from": actual, "to": node["level"]}
    node["itemStyle"] = node["itemStyle"] | {
        "borderColor": WHATIF_RING,
        "borderWidth": 3,
        "borderType": "dashed",
        "shadowColor": WHATIF_RING,
        "shadowBlur": 10,
    }


def _links(deal: Deal, lang: str) -> list[dict]:
    ids = {p.id for p in deal.stakeholders}
    links = [
        {"source": p.id, "target": p.reports_to, "kind": "reports_to"}
        for p in deal.stakeholders
        if p.reports_to in ids and p.reports_to != p.id
    ]
    links += [
        {"source": r.source, "target": r.target, "kind": r.kind, "strength": r.strength or 1}
        for r in deal.relations
        if r.source in ids and r.target in ids
    ]
    return links
