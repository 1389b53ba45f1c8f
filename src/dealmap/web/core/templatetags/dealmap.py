"""Template filters for the method's codes, levels and bilingual texts.

Usage: ``{% load dealmap %}`` then ``{{ part.buying_role|label:"BUYING_ROLES" }}``,
``{{ assessment.level|signed }} {{ assessment.level|level_label }}``, ``{{ finding.message|tr }}``,
``{{ person.name|bdi }}`` (user text isolated: see ``dealmap.web.core.text``).
"""

from __future__ import annotations

from django import template

from dealmap.method import codes
from dealmap.method.levels import LEVELS
from dealmap.web import i18n
from dealmap.web.core import text

register = template.Library()

#: The vocabularies a template may name, by their name in ``dealmap.method.codes``.
VOCABULARIES = {name: value for name, value in vars(codes).items() if isinstance(value, codes.Vocabulary)}


@register.filter
def label(code: str | None, vocabulary: str) -> str:
    """The label of a code in the active language."""
    return i18n.label(VOCABULARIES[vocabulary], code)


@register.filter
def level_label(level: int | None) -> str:
    """The name of an attitude level (−4..+4) in the active language, e.g. 大力支持."""
    if level is None or level not in LEVELS:
        return ""
    return i18n.text(LEVELS[level].label)


@register.filter
def signed(number: int | None) -> str:
    """+3, 0, −2: a level or trust change with its sign."""
    if number is None:
        return ""
    return f"{number:+d}" if number else "0"


@register.filter
def tr(value) -> str:
    """A bilingual text in the active language."""
    return i18n.text(value)


@register.filter
def attitude_group(level: int | None) -> str:
    """supporter / neutral / opponent / unassessed: the group of a level (for styling)."""
    return codes.group_of_level(level)


@register.filter
def amount(value) -> str:
    """2,800,000 or 1,234.50: an amount with thousands separators, whatever the language."""
    if value is None:
        return ""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


@register.filter(is_safe=True)
def bdi(value) -> str:
    """User text (a name, a title) escaped in its own ``<bdi>``: its direction cannot spill out."""
    return text.bdi(value)


@register.filter
def isolated(value) -> str:
    """User text between FSI and PDI, where markup cannot go (the page title, an attribute)."""
    return text.isolated(value)
