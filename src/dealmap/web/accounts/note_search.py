"""Searching the text sellers write: assessment evidence, interaction summaries, a person's objection
and personal wins in a deal, person and account notes.

Each source is one query restricted through ``visibility_q`` (via the selectors), whatever the number
of hits: the person shown with an interaction and whether a person still has a part in the deal (so
the drawer can open) are subqueries, not extra queries per row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dealmap.web.accounts.models import Account
from dealmap.web.accounts.selectors import person_visible
from dealmap.web.deals.models import InteractionParticipant, Part
from dealmap.web.deals.selectors import assessment_list, interaction_list, part_list

#: Characters of context kept on each side of the match.
SNIPPET_CONTEXT = 30

#: The kinds of note, as shown on a hit.
KIND_LABELS = {
    "evidence": _("Assessment evidence"),
    "interaction": _("Interaction"),
    "objection": _("Objection"),
    "wins": _("Personal wins"),
    "note": _("Note"),
}


@dataclass(frozen=True)
class Snippet:
    """A short piece of a text around the match; the template escapes each part and marks ``match``."""

    before: str
    match: str
    after: str


@dataclass(frozen=True)
class NoteHit:
    """One note that matched: where it was written, by whom it is about, and the words around the match."""

    kind: str
    day: date
    recorded_at: datetime
    snippet: Snippet
    url: str
    account_name: str
    deal_name: str = ""
    person_name: str = ""
    others: int = 0

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def who(self) -> str:
        """The hit's title: the person it is about, or the account for an account's notes."""
        return self.person_name or self.account_name

    @property
    def where(self) -> str:
        """Where the note sits: the deal, else the person's account; nothing for an account's notes."""
        return self.deal_name or (self.account_name if self.person_name else "")


def snippet(text: str, query: str, *, context: int = SNIPPET_CONTEXT) -> Snippet:
    """``text`` (whitespace collapsed) cut to ``context`` characters either side of the first match
    of ``query``, case-insensitively; the text's start if the database matched what Python does not."""
    text = " ".join(text.split())
    found = re.search(re.escape(" ".join(query.split())), text, re.IGNORECASE)
    if found is None:
        return Snippet("", "", _shorten(text, 2 * context))
    start, end = found.span()
    before = text[max(0, start - context) : start]
    after = text[end : end + context]
    return Snippet(
        ("…" if start > context else "") + before,
        found.group(),
        after + ("…" if end + context < len(text) else ""),
    )


def _shorten(text: str, length: int) -> str:
    return text if len(text) <= length else text[:length] + "…"


def note_search(*, user, query: str, limit: int) -> list[NoteHit]:
    """At most ``limit`` notes ``user`` may see containing ``query`` (icontains), newest first."""
    hits = [
        *_evidence_hits(user, query, limit),
        *_interaction_hits(user, query, limit),
        *_part_hits(user, query, limit, field="objection_text", kind="objection"),
        *_part_hits(user, query, limit, field="personal_wins", kind="wins"),
        *_person_note_hits(user, query, limit),
        *_account_note_hits(user, query, limit),
    ]
    hits.sort(key=lambda hit: (hit.day, hit.recorded_at), reverse=True)
    return hits[:limit]


def _drawer_url(deal_id: int, key: str | None) -> str:
    """The deal page's person drawer (its own page when not loaded by htmx), else the deal page."""
    if key is None:
        return reverse("deals:detail", args=[deal_id])
    return reverse("workspace:person", args=[deal_id, key])


def _evidence_hits(user, query: str, limit: int) -> list[NoteHit]:
    in_deal = Part.objects.filter(deal=OuterRef("deal"), person=OuterRef("person"))
    rows = (
        assessment_list(user=user)
        .filter(evidence__icontains=query)
        .select_related("person", "deal__account")
        .annotate(in_deal=Exists(in_deal))
        .order_by("-date", "-recorded_at", "-id")[:limit]
    )
    return [
        NoteHit(
            kind="evidence",
            day=row.date,
            recorded_at=row.recorded_at,
            snippet=snippet(row.evidence, query),
            url=_drawer_url(row.deal_id, row.person.key if row.in_deal else None),
            account_name=row.deal.account.name,
            deal_name=row.deal.name,
            person_name=row.person.name,
        )
        for row in rows
    ]


def _interaction_hits(user, query: str, limit: int) -> list[NoteHit]:
    first = InteractionParticipant.objects.filter(interaction=OuterRef("pk")).order_by("position", "id")
    in_deal = Part.objects.filter(deal=OuterRef("deal"), person=OuterRef("first_person_id"))
    count = (
        InteractionParticipant.objects.filter(interaction=OuterRef("pk"))
        .order_by()
        .values("interaction")
        .annotate(n=Count("id"))
        .values("n")
    )
    rows = (
        interaction_list(user=user)
        .prefetch_related(None)
        .filter(summary__icontains=query)
        .select_related("deal__account")
        .annotate(
            first_person_id=Subquery(first.values("person_id")[:1]),
            first_person_name=Subquery(first.values("person__name")[:1]),
            first_person_key=Subquery(first.values("person__key")[:1]),
            participant_count=Subquery(count),
        )
        .annotate(in_deal=Exists(in_deal))
        .order_by("-date", "-recorded_at", "-id")[:limit]
    )
    return [
        NoteHit(
            kind="interaction",
            day=row.date,
            recorded_at=row.recorded_at,
            snippet=snippet(row.summary, query),
            url=_drawer_url(row.deal_id, row.first_person_key if row.in_deal else None),
            account_name=row.deal.account.name,
            deal_name=row.deal.name,
            person_name=row.first_person_name or "",
            others=max((row.participant_count or 0) - 1, 0),
        )
        for row in rows
    ]


def _part_hits(user, query: str, limit: int, *, field: str, kind: str) -> list[NoteHit]:
    """A person's objection or personal wins in a deal, written on their part; dated by its last change."""
    rows = (
        part_list(user=user)
        .filter(**{f"{field}__icontains": query})
        .select_related("person", "deal__account")
        .order_by("-updated_at", "-id")[:limit]
    )
    return [
        NoteHit(
            kind=kind,
            day=timezone.localdate(row.updated_at),
            recorded_at=row.updated_at,
            snippet=snippet(getattr(row, field), query),
            url=_drawer_url(row.deal_id, row.person.key),
            account_name=row.deal.account.name,
            deal_name=row.deal.name,
            person_name=row.person.name,
        )
        for row in rows
    ]


def _person_note_hits(user, query: str, limit: int) -> list[NoteHit]:
    rows = (
        person_visible(user=user)
        .filter(notes__icontains=query)
        .select_related("account")
        .order_by("-updated_at", "-id")[:limit]
    )
    return [
        NoteHit(
            kind="note",
            day=timezone.localdate(row.updated_at),
            recorded_at=row.updated_at,
            snippet=snippet(row.notes, query),
            url=reverse("accounts:detail", args=[row.account_id]) + f"#person-{row.pk}",
            account_name=row.account.name,
            person_name=row.name,
        )
        for row in rows
    ]


def _account_note_hits(user, query: str, limit: int) -> list[NoteHit]:
    rows = Account.objects.visible_to(user).filter(notes__icontains=query).order_by("-updated_at", "-id")
    return [
        NoteHit(
            kind="note",
            day=timezone.localdate(row.updated_at),
            recorded_at=row.updated_at,
            snippet=snippet(row.notes, query),
            url=reverse("accounts:detail", args=[row.pk]),
            account_name=row.name,
        )
        for row in rows[:limit]
    ]
