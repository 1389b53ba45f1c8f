"""Labels of the method's codes and texts in the active display language."""

from __future__ import annotations

from django.utils import translation

from dealmap.method.codes import Text, Vocabulary


def lang() -> str:
    """The method's language code (``zh`` or ``en``) for the active Django language."""
    return "en" if (translation.get_language() or "").startswith("en") else "zh"


def label(vocabulary: Vocabulary, code: str | None) -> str:
    """The label of ``code`` in the active language; the raw code if the vocabulary lacks it."""
    if not code:
        return ""
    return vocabulary.label(code, lang()) or code


def text(value: Text | dict | str | None) -> str:
    """A bilingual text (a :class:`Text` or a ``{"zh": …, "en": …}`` dict) in the active language."""
    if value is None:
        return ""
    if isinstance(value, Text):
        return value.get(lang())
    if isinstance(value, dict):
        return value.get(lang()) or value.get("zh") or value.get("en") or ""
    return str(value)
