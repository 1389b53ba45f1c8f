"""Small builders for the database check constraints the models share."""

from __future__ import annotations

from django.db.models import Q

from dealmap.method.codes import Vocabulary


def code_in(field: str, vocabulary: Vocabulary, *, blank: bool = False) -> Q:
    """``field`` holds one of the vocabulary's codes (or the empty string when ``blank``)."""
    allowed = list(vocabulary.codes) + ([""] if blank else [])
    return Q(**{f"{field}__in": allowed})


def between(field: str, low: int, high: int, *, null: bool = True) -> Q:
    """``low <= field <= high`` (or NULL when ``null``)."""
    rule = Q(**{f"{field}__gte": low, f"{field}__lte": high})
    return rule | Q(**{f"{field}__isnull": True}) if null else rule
