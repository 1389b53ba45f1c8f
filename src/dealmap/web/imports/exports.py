"""Stored deals out: workbook, account-review deck, deal file. Translates rows to domain deals once."""

from __future__ import annotations

from dealmap.interchange.dealfile import dump_deal
from dealmap.interchange.xlsx import write_workbook
from dealmap.web.accounts.models import Account
from dealmap.web.accounts.selectors import account_list
from dealmap.web.core import clock
from dealmap.web.deals.domain import account_rosters, deal_to_domain
from dealmap.web.deals.models import Deal
from dealmap.web.deals.selectors import deal_list


def deals_for_export(*, user=None, pk: int | None = None) -> list[Deal]:
    """The deals to export: one by id (command line, no user), or every deal ``user`` may see."""
    if pk is not None:
        deals = Deal.objects.select_related("account").filter(pk=pk)
        if user is not None:
            deals = deals & deal_list(user=user)
        return list(deals)
    return list(deal_list(user=user).order_by("account__name", "account_id", "id"))


def accounts_for_export(*, user) -> list[Account]:
    """Every account ``user`` may see, those without a deal too (a portfolio export)."""
    return list(account_list(user=user).order_by("name", "id"))


def workbook_bytes(deals: list[Deal], *, lang: str = "zh", accounts: list[Account] = ()) -> bytes:
    """The deals as an .xlsx in the import layout, with everyone at their accounts (and at
    ``accounts``): a reporting line to someone outside the deal is kept, not cut."""
    by_pk = {d.account.pk: d.account for d in deals} | {a.pk: a for a in accounts}
    rosters = account_rosters(sorted(by_pk.values(), key=lambda a: (a.name, a.pk)))
    return write_workbook([deal_to_domain(d) for d in deals], lang=lang, rosters=rosters)


def deal_file(deal: Deal) -> dict:
    """The deal as a ``dealmap/1`` object dated today."""
    return dump_deal(deal_to_domain(deal), as_of=clock.today())


def deck_bytes(deal: Deal, *, lang: str = "zh") -> bytes:
    """The account-review deck (.pptx) of the deal as of today."""
    from dealmap.engine import analyze
    from dealmap.interchange.deck import build_deck

    today = clock.today()
    domain = deal_to_domain(deal, as_of=today)
    return build_deck(domain, analyze(domain, as_of=today), lang=lang)
