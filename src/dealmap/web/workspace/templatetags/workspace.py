"""Filters for the workspace templates: JSON for data elements, level colours, score part labels."""

from __future__ import annotations

import json

from django import template

from dealmap.web.workspace import presenters
from dealmap.web.workspace.powermap import LEVEL_COLOURS

register = template.Library()


@register.filter
def json_data(value) -> str:
    """Escaped JSON for a ``<script type="application/json">`` element (never executed)."""
    return presenters.json_data(value)


@register.filter
def level_colour(level: int | None) -> str:
    """The map colour of an attitude level; a pale grey for 'not assessed'."""
    return LEVEL_COLOURS.get(level, "#eef2f6") if level is not None else "#eef2f6"


@register.filter
def score_part(code: str) -> str:
    """The label of a part of the position score."""
    return str(presenters.SCORE_PART_LABELS.get(code, code))


@register.filter
def percent(points: float, top: float) -> int:
    return round(100 * points / top) if top else 0


@register.filter
def joined(items) -> str:
    """A list joined the way the active language joins one: 刘敏、赵立 / Liu Min, Zhao Li.

    Each item is escaped in its own ``<bdi>``: a name's writing direction stays inside it.
    """
    from django.utils.safestring import mark_safe

    from dealmap.web import i18n
    from dealmap.web.core.text import bdi

    separator = "、" if i18n.lang() == "zh" else ", "
    return mark_safe(separator.join(bdi(item) for item in items))


@register.filter
def hx_vals(value: str, name: str) -> str:
    """``{name: value}`` as JSON for an ``hx-vals`` attribute (the template escapes it as any attribute)."""
    return json.dumps({name: value}, ensure_ascii=False)
