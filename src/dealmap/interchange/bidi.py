"""Text people typed, kept to its own direction inside other text (pure Python, no Django).

A name may be written right to left, even hold an unclosed RIGHT-TO-LEFT OVERRIDE (U+202E) that
would turn the rest of its line around. Where no markup can go (a slide, a page title, an option,
a canvas label) it stands between FSI and PDI, the plain-text form of HTML's ``<bdi>``. The web
pages' markup forms build on this (``dealmap.web.core.text``); the deck uses it as it is.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dealmap.engine.model import Deal

#: FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE.
FSI, PDI = "\u2068", "\u2069"


def isolated(value) -> str:
    """``value`` between FSI and PDI (not escaped; nothing for an empty value)."""
    if value is None or value == "":
        return ""
    return f"{FSI}{value}{PDI}"


def typed_texts(deal: Deal) -> tuple[str, ...]:
    """What people typed that the engine's sentences quote: names, titles, competitors."""
    texts = set(deal.opportunity.competitors)
    for p in deal.stakeholders:
        texts.update((p.name, p.title))
        texts.update(a.competitor for a in p.competitor_affinity)
    return tuple(texts)


@functools.lru_cache(maxsize=64)
def _compiled(wanted: tuple[str, ...]) -> re.Pattern | None:
    return re.compile("|".join(re.escape(t) for t in wanted)) if wanted else None


def pattern_of(texts: Iterable[str]) -> re.Pattern | None:
    """One pattern for ``texts``, the longest first (a name inside a longer title matches the title)."""
    return _compiled(tuple(sorted({t for t in texts if t and t.strip()}, key=lambda t: (-len(t), t))))


def isolate_within(text: str, texts: Iterable[str]) -> str:
    """``text`` (a finding, an action) with every occurrence of one of ``texts`` isolated."""
    pattern = pattern_of(texts)
    return pattern.sub(lambda m: isolated(m.group()), text) if pattern else text
