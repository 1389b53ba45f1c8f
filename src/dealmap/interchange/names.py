"""What makes a name: the rules every entry point shares (web forms, API, deal file, workbook).

Pure Python (no Django), so the deal-file reader can use it.

- A name shows something: :func:`blank` is true for a value of only whitespace and format
  characters (zero-width spaces, direction marks…), which reads as empty on every page.
- A name is stored without its end spaces and invisible characters (:func:`tidy`).
- A competitor's name holds no list separator (:data:`LIST_SEPARATORS`): the workbook lists a
  deal's competitors in one cell split at those characters, so such a name would come back as two.
"""

from __future__ import annotations

import re

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
_INVISIBLE_ENDS = re.compile(f"^[{INVISIBLE}]+|[{INVISIBLE}]+$")

#: What separates the items of a list in one workbook cell (competitors, signals, participants):
#: a semicolon, half- or full-width, the enumeration comma and a line break. (Escapes, not the
#: characters: an editor or a copy that narrows full-width punctuation would make two ";".)
LIST_SEPARATORS = (";", "\uff1b", "\u3001", "\n")


def blank(value: str) -> bool:
    """Whether ``value`` shows nothing: empty, or only whitespace and format characters."""
    return _INVISIBLE_ONLY.fullmatch(value) is not None


def tidy(value: str) -> str:
    """A name or title as stored: without whitespace or invisible characters at either end, so
    "同名客户\u200b" is "同名客户" (which looked the same and slipped past the one-name rules)."""
    return _INVISIBLE_ENDS.sub("", value)


def separator_in(name: str) -> str | None:
    """The first list separator ``name`` holds, or None."""
    return next((sep for sep in LIST_SEPARATORS if sep in name), None)
