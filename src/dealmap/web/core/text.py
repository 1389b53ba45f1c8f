"""User text on the page and in forms.

Display: names, titles and other text people typed may hold right-to-left characters, even an
unclosed override (U+202E) that would reverse whatever follows it. :func:`bdi` puts such a value in
its own ``<bdi>`` element (direction isolated, found from its own first strong character);
:func:`isolated` (from :mod:`dealmap.interchange.bidi`, which the deck uses too) does the same
with the invisible FSI … PDI characters where no markup can go (the page title, attributes, canvas
labels); :func:`isolate_within` isolates each occurrence of known user strings inside a sentence
built around them (a finding that names a person), as markup or as plain text.

Forms: :data:`NUL_MESSAGE` is the error a text field answers for a NUL character, which no
database column takes. (What makes a name, for forms, API, deal file and workbook alike, is in
:mod:`dealmap.interchange.names`.)
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from dealmap.interchange import bidi
from dealmap.interchange.bidi import FSI, PDI, isolated

__all__ = ["FSI", "PDI", "NUL_MESSAGE", "bdi", "isolate_within", "isolated"]

NUL_MESSAGE = _(
    "This text contains a NUL character (\\x00), which cannot be stored. Remove it and try again."
)


def bdi(value) -> SafeString:
    """``value`` escaped, in a ``<bdi>`` element (nothing for an empty value)."""
    if value is None or value == "":
        return mark_safe("")
    return mark_safe(f"<bdi>{conditional_escape(value)}</bdi>")


def isolate_within(text: str, texts: Iterable[str], *, html: bool = True) -> str:
    """``text`` with every occurrence of one of ``texts`` (names, titles…) isolated, longest first.

    ``html``: escaped, each occurrence in ``<bdi>`` (a safe string); else plain text, each
    occurrence between FSI and PDI. The words around them are left as they are.
    """
    if not html:
        return bidi.isolate_within(text, texts)
    pattern = bidi.pattern_of(texts)
    if pattern is None:
        return escape(text)
    out, end = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[end : match.start()]))
        out.append(bdi(match.group()))
        end = match.end()
    out.append(escape(text[end:]))
    return mark_safe("".join(out))
