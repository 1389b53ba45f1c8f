"""Searching accounts, deals and people by name, and the notes written about them: only among what
the user may see."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from dealmap.web.accounts.note_search import NoteHit, note_search
from dealmap.web.accounts.selectors import account_list, person_visible
from dealmap.web.deals.selectors import deal_list

#: At most this many hits of each kind (accounts, deals, people, notes).
SEARCH_LIMIT = 50


@dataclass
class SearchResults:
    query: str
    accounts: list = field(default_factory=list)
    deals: list = field(default_factory=list)
    people: list = field(default_factory=list)
    notes: list[NoteHit] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.accounts) + len(self.deals) + len(self.people) + len(self.notes)


def search(*, user, query: str) -> SearchResults:
    """Accounts (name, industry), deals (name, stage), people (name, title) and notes (evidence,
    interaction summaries, person and account notes) matching ``query`` among those ``user`` may
    see; nothing for an empty query. A fixed number of queries, however many hits."""
    query = query.strip()
    if not query:
        return SearchResults(query="")
    accounts = account_list(user=user).filter(Q(name__icontains=query) | Q(industry__icontains=query))
    deals = deal_list(user=user).filter(Q(name__icontains=query) | Q(stage__icontains=query))
    people = (
        person_visible(user=user)
        .select_related("account")
        .filter(Q(name__icontains=query) | Q(title__icontains=query))
        .order_by("account__name", "name", "id")
    )
    return SearchResults(
        query=query,
        accounts=list(accounts[:SEARCH_LIMIT]),
        deals=list(deals.order_by("name", "id")[:SEARCH_LIMIT]),
        people=list(people[:SEARCH_LIMIT]),
        notes=note_search(user=user, query=query, limit=SEARCH_LIMIT),
    )
