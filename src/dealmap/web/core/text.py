"""User text on the page and in forms.

Display: names, titles and other text people typed may hold right-to-left characters, even an
unclosed override (U+202E) that would reverse whatever follows it. :func:`bdi` puts such a value in
its own ``<bdi>`` element (direction isolated, found from its own first strong character);
:func:`isolated` does the same with the invisible FSI … PDI characters where no markup can go
(the page title, attributes, canvas labels); :func:`isolate_within` isolates each occurrence of
known user strings inside a sentence built around them (a finding that names a person).

Forms: :data:`NUL_MESSAGE` is the error a text field answers for a NUL character, which no
database column takes. :func:`blank` says whether a name shows nothing (only whitespace and
format characters such as zero-width spaces); the API's names use the same :data:`INVISIBLE`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

#: FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: the plain-text form of ``<bdi>``.
FSI, PDI = "\u2068", "\u2069"

NUL_MESSAGE = _(
    "This text contains a NUL character (\\x00), which cannot be stored. Remove it and try again."
)

#: What shows nothing, as the body of a regular-expression character class: every character that
#: Python's ``str.isspace`` calls whitespace or Unicode puts in category Cf (format: zero-width
#: spaces and joiners, direction marks, the byte-order mark, tags…), as of Unicode 15.1. Escapes
#: that Python's ``re``, Rust's ``regex`` (pydantic) and JSON Schema validators read alike; the
#: characters beyond U+FFFF literally (a JSON Schema pattern has no common escape for them).
INVISIBLE = (
    "\\t-\\r\\x1c-\\x20\\x85\\xa0\\xad\\u0600-\\u0605\\u061c\\u06dd\\u070f\\u0890\\u0891\\u08e2"
    "\\u1680\\u180e\\u2000-\\u200f\\u2028-\\u202f\\u205f-\\u2064\\u2066-\\u206f\\u3000\\ufeff"
    "\\ufff9-\\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_INVISIBLE_ONLY = re.compile(f"[{INVISIBLE}]*")


def blank(value: str) -> bool:
    """Whether ``value`` shows nothing: empty, or only whitespace and format characters."""
    return _INVISIBLE_ONLY.fullmatch(value) is not None


def bdi(value) -> SafeString:
    """``value`` escaped, in a ``<bdi>`` element (nothing for an empty value)."""
    if value is None or value == "":
        return mark_safe("")
    return mark_safe(f"<bdi>{conditional_escape(value)}</bdi>")


def isolated(value) -> str:
    """``value`` between FSI and PDI, for text that cannot hold markup (not escaped)."""
    if value is None or value == "":
        return ""
    return f"{FSI}{value}{PDI}"


@functools.lru_cache(maxsize=64)
def _compiled(wanted: tuple[str, ...]) -> re.Pattern | None:
    return re.compile("|".join(re.escape(t) for t in wanted)) if wanted else None


def _pattern(texts: Iterable[str]) -> re.Pattern | None:
    """One pattern for ``texts``, the longest first (a name inside a longer title matches the title)."""
    return _compiled(tuple(sorted({t for t in texts if t and t.strip()}, key=lambda t: (-len(t), t))))


def isolate_within(text: str, texts: Iterable[str], *, html: bool = True) -> str:
    """``text`` with every occurrence of one of ``texts`` (names, titles…) isolated, longest first.

    ``html``: escaped, each occurrence in ``<bdi>`` (a safe string); else plain text, each
    occurrence between FSI and PDI. The words around them are left as they are.
    """
    pattern = _pattern(texts)
    if not html:
        return pattern.sub(lambda m: isolated(m.group()), text) if pattern else text
    if pattern is None:
        return escape(text)
    out, end = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[end : match.start()]))
        out.append(bdi(match.group()))
        end = match.end()
    out.append(escape(text[end:]))
    return mark_safe("".join(out))
