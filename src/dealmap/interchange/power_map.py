"""The power map as a picture: people as circles in layer rows, relations as lines. Pure, Pillow only.

Circles: one row per layer (decision on top), size by influence weight, fill by attitude from deep
red (−4) through grey-yellow (0) to deep green (+4); hollow grey when not yet assessed. Lines:
`influences` blue with an arrowhead, `conflicts` red, `close` green, reporting lines thin grey.
The picture carries no text, so it needs no font: the deck lays names and levels over it as
native text (rendered by PowerPoint, WPS or LibreOffice with their own Chinese fonts).
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from PIL import Image, ImageDraw

from dealmap.engine.model import Deal
from dealmap.method.codes import DEPARTMENTS, LAYERS

#: Fill colour per attitude level, deep red … grey-yellow … deep green.
LEVEL_COLOURS = {
    -4: (127, 0, 0),
    -3: (192, 57, 43),
    -2: (230, 126, 115),
    -1: (240, 178, 122),
    0: (222, 211, 160),
    1: (183, 215, 168),
    2: (123, 198, 123),
    3: (46, 158, 79),
    4: (11, 102, 35),
}
UNASSESSED = (150, 150, 150)
RELATION_COLOURS = {"influences": (31, 78, 121), "conflicts": (200, 40, 40), "close": (46, 158, 79)}
REPORTS_COLOUR = (190, 190, 190)


@dataclass(frozen=True)
class Node:
    """Where one person is drawn, as fractions of the picture's width and height."""

    id: str
    x: float
    y: float
    radius: float  # fraction of the picture's height
    level: int | None


#: The picture's size in pixels, as the deck draws it (``layout`` spaces circles by its aspect).
PICTURE = (1720, 1160)


def layout(
    deal: Deal,
    levels: dict[str, int | None],
    weights: dict[str, int],
    *,
    aspect: float = PICTURE[0] / PICTURE[1],
) -> list[Node]:
    """Positions: a row per layer, people ordered by department then weight, spread evenly.

    ``aspect`` is the picture's width over its height: in a crowded row no circle is wider than
    the space between neighbours (a row of a dozen people drew circles over each other).
    """
    rows = [[p for p in deal.stakeholders if p.layer == layer] for layer in LAYERS.codes]
    order = {code: i for i, code in enumerate(DEPARTMENTS.codes)}
    nodes = []
    for r, people in enumerate(rows):
        people.sort(key=lambda p: (order.get(p.department, 99), -weights.get(p.id, 6)))
        room = 0.45 * aspect / (len(people) + 1)  # half the gap between neighbours, in heights
        for i, p in enumerate(people):
            x = (i + 1) / (len(people) + 1)
            y = (r + 0.42) / len(rows)
            radius = min(0.035 + 0.0075 * weights.get(p.id, 6), room)
            nodes.append(Node(p.id, x, y, radius, levels.get(p.id)))
    return nodes


def render(deal: Deal, nodes: list[Node], *, width: int, height: int, scale: int = 2) -> bytes:
    """The picture as PNG bytes (drawn at `scale`× and reduced, for smooth edges)."""
    w, h = width * scale, height * scale
    image = Image.new("RGB", (w, h), "white")
    draw = ImageDraw.Draw(image)
    band = h / len(LAYERS)
    for i in range(len(LAYERS)):
        if i % 2 == 0:
            draw.rectangle([0, i * band, w, (i + 1) * band], fill=(246, 248, 251))
    at = {n.id: n for n in nodes}
    for p in deal.stakeholders:
        if p.reports_to in at:
            _line(draw, at[p.id], at[p.reports_to], w, h, REPORTS_COLOUR, 2 * scale, arrow=False)
    for rel in deal.relations:
        if rel.source in at and rel.target in at:
            colour = RELATION_COLOURS.get(rel.kind, (0, 0, 0))
            thick = (2 + (rel.strength or 2)) * scale
            _line(draw, at[rel.source], at[rel.target], w, h, colour, thick, arrow=rel.kind == "influences")
    for n in nodes:
        cx, cy, r = n.x * w, n.y * h, n.radius * h
        box = [cx - r, cy - r, cx + r, cy + r]
        if n.level is None:
            draw.ellipse(box, fill="white", outline=UNASSESSED, width=4 * scale)
        else:
            draw.ellipse(box, fill=LEVEL_COLOURS[n.level], outline="white", width=2 * scale)
    image = image.resize((width, height), Image.LANCZOS)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _line(draw, a: Node, b: Node, w: int, h: int, colour, thick: int, *, arrow: bool) -> None:
    ax, ay, bx, by = a.x * w, a.y * h, b.x * w, b.y * h
    length = math.hypot(bx - ax, by - ay) or 1.0
    ux, uy = (bx - ax) / length, (by - ay) / length
    ra, rb = a.radius * h + 2, b.radius * h + 2
    start = (ax + ux * ra, ay + uy * ra)
    end = (bx - ux * rb, by - uy * rb)
    draw.line([start, end], fill=colour, width=thick)
    if arrow:
        size = 6 * thick
        left = (end[0] - ux * size - uy * size * 0.6, end[1] - uy * size + ux * size * 0.6)
        right = (end[0] - ux * size + uy * size * 0.6, end[1] - uy * size - ux * size * 0.6)
        draw.polygon([end, left, right], fill=colour)
