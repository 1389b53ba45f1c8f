"""Text that an .xlsx or .pptx (both XML inside) can hold.

XML 1.0 has no place for most control characters (U+0000–U+001F but tab, line feed and carriage
return), for lone surrogates or for U+FFFE/U+FFFF; openpyxl and lxml refuse the whole file when a
cell or a run holds one. A deal file or a form may have let one in: the export leaves it out rather
than fail (one stray BEL in an account's name once stopped a whole portfolio's export).
"""

from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters an XML document cannot hold."""
    return _NOT_XML.sub("", text)
