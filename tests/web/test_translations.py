"""The zh-Hans catalogue is complete and its compiled .mo matches the .po."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import dealmap.web

LOCALE = Path(dealmap.web.__file__).parent / "locale" / "zh_Hans" / "LC_MESSAGES"
ENTRY = re.compile(r'^msgid ((?:"(?:[^"\\]|\\.)*"\s*)+)msgstr ((?:"(?:[^"\\]|\\.)*"\s*)+)', re.M)


def _join(quoted: str) -> str:
    return (
        "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', quoted))
        .encode()
        .decode("unicode_escape")
        .encode("latin-1")
        .decode("utf-8")
    )


def catalogue() -> dict[str, str]:
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    pairs = {_join(m.group(1)): _join(m.group(2)) for m in ENTRY.finditer(text)}
    pairs.pop("", None)
    return pairs


def test_every_message_has_a_chinese_translation():
    untranslated = [msgid for msgid, msgstr in catalogue().items() if not msgstr.strip()]
    assert untranslated == []


def test_no_message_is_marked_fuzzy():
    assert "#, fuzzy" not in (LOCALE / "django.po").read_text(encoding="utf-8")


def test_the_compiled_catalogue_matches_the_source():
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [msgid for msgid, msgstr in catalogue().items() if compiled.gettext(msgid) != msgstr]
    assert stale == []
