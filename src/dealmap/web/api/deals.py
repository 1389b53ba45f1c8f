"""Deals, each person's part in them, the report, what-if, and deal files in and out."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Body, Query, Router, Status

from dealmap.interchange.dealfile import dump_deal, load_deal
from dealmap.web.accounts import selectors as account_selectors
from dealmap.web.api.errors import COMMON, VERSIONED, WRITE, Unprocessable, errors
from dealmap.web.api.params import FILTER_ID, ID, LIMIT, OFFSET, OWNER, if_match_check, page, tagged
from dealmap.web.api.schemas import (
    Day,
    DealIn,
    DealOut,
    DealPatch,
    ImportOut,
    PartIn,
    PartOut,
    PartPatch,
    WhatIfIn,
    page_of,
)
from dealmap.web.core import clock
from dealmap.web.deals import selectors, services
from dealmap.web.deals.analysis import deal_report, deal_what_if
from dealmap.web.deals.domain import deal_to_domain

router = Router(tags=["deals"])
AS_OF = Query(None, description="The day to analyse as of (default: today).")
DEAL_FILE = Body(..., description="A `dealmap/1` deal file (docs/formats.md describes every key).")


@router.get("/deals", response={200: page_of(DealOut), **errors(*COMMON)})
def deal_list(
    request: HttpRequest,
    account: int | None = FILTER_ID,
    owner: str | None = OWNER,
    limit: int = LIMIT,
    offset: int = OFFSET,
):
    """The deals you may see, newest change first."""
    deals = selectors.deal_list(user=request.auth)
    if account is not None:
        deals = deals.filter(account_id=account)
    if owner:
        deals = deals.filter(account__owner__username=owner)
    return page(deals, limit=limit, offset=offset)


@router.post("/deals", response={201: DealOut, **errors(*WRITE)})
def deal_create(request: HttpRequest, payload: DealIn):
    data = payload.dict()
    account = account_selectors.account_get_for_edit(user=request.auth, pk=data.pop("account"))
    return Status(201, services.deal_create(account=account, by=request.auth, **data))


@router.get("/deals/{id}", response={200: DealOut, **errors(*COMMON)})
def deal_read(request: HttpRequest, response: HttpResponse, id: int = ID):
    return tagged(response, selectors.deal_get(user=request.auth, pk=id))


@router.patch("/deals/{id}", response={200: DealOut, **errors(*VERSIONED)})
def deal_update(request: HttpRequest, response: HttpResponse, payload: DealPatch, id: int = ID):
    """Change a deal's facts and research answers; ``version`` is the one you read."""
    deal = selectors.deal_get_for_edit(user=request.auth, pk=id)
    if_match_check(request, deal.version)
    fields = payload.dict(exclude_unset=True, exclude={"version"})
    research = fields.pop("research", None) or {}
    fields = {k: v for k, v in fields.items() if v is not None or k in ("amount", "expected_close")}
    fields.update({f"research_{code}": answer for code, answer in research.items()})
    return tagged(
        response, services.deal_update(deal=deal, version=payload.version, by=request.auth, **fields)
    )


@router.delete("/deals/{id}", response={204: None, **errors(*VERSIONED)})
def deal_delete(request: HttpRequest, id: int = ID):
    deal = selectors.deal_get_for_edit(user=request.auth, pk=id)
    if_match_check(request, deal.version)
    services.deal_delete(deal=deal, by=request.auth)
    return Status(204, None)


@router.get("/deals/{id}/report", response={200: dict[str, Any], **errors(*COMMON)})
def deal_report_read(request: HttpRequest, id: int = ID, as_of: Day | None = AS_OF):
    """The engine's ``dealmap-report/1`` report on the deal (as of today unless ``as_of``)."""
    deal = selectors.deal_get(user=request.auth, pk=id)
    return deal_report(deal, as_of=as_of or clock.today())


@router.post("/deals/{id}/what-if", response={200: dict[str, Any], **errors(*COMMON)})
def deal_what_if_run(request: HttpRequest, payload: WhatIfIn, id: int = ID):
    """Re-run the analysis with some people's levels changed (by person key); nothing is stored."""
    deal = selectors.deal_get(user=request.auth, pk=id)
    try:
        return deal_what_if(deal, payload.levels, as_of=payload.as_of or clock.today())
    except KeyError as exc:
        key = exc.args[0]
        if payload.as_of and deal.parts.filter(person__key=key).exists():  # added after that day
            problem = _("On %(day)s the deal had no person “%(key)s” yet.") % {
                "day": payload.as_of.isoformat(),
                "key": key,
            }
        else:
            problem = _("No person of this deal has the key “%(key)s”.") % {"key": key}
        raise Unprocessable(
            _("The input is not valid."), [{"path": f"levels.{key}", "message": problem}]
        ) from None


@router.get("/deals/{id}/file", response={200: dict[str, Any], **errors(*COMMON)})
def deal_file_export(request: HttpRequest, id: int = ID):
    """The deal as a ``dealmap/1`` deal file (as of today)."""
    deal = selectors.deal_get(user=request.auth, pk=id)
    return dump_deal(deal_to_domain(deal), as_of=clock.today())


@router.post("/deal-files", response={201: ImportOut, **errors(*WRITE)})
def deal_file_import(
    request: HttpRequest, payload: dict[str, Any] = DEAL_FILE, account: int | None = FILTER_ID
):
    """Store a ``dealmap/1`` deal file as a new deal (in a new account, or in ``account``).

    Every problem is listed by JSON path (422); nothing is stored then.
    """
    target = account_selectors.account_get_for_edit(user=request.auth, pk=account) if account else None
    deal = load_deal(payload, text=request.body)
    stored = services.deal_import(deal=deal, owner=request.auth, account=target, by=request.auth)
    return Status(201, {"deal": stored.pk, "account": stored.account_id})


# -- parts ---------------------------------------------------------------------------------------


@router.get("/parts", response={200: page_of(PartOut), **errors(*COMMON)})
def part_list(request: HttpRequest, deal: int | None = FILTER_ID, limit: int = LIMIT, offset: int = OFFSET):
    return page(selectors.part_list(user=request.auth, deal_id=deal), limit=limit, offset=offset)


@router.post("/parts", response={201: PartOut, **errors(*WRITE)})
def part_create(request: HttpRequest, payload: PartIn):
    """Put a person of the deal's account into the deal's buying group."""
    data = payload.dict()
    deal = selectors.deal_get_for_edit(user=request.auth, pk=data.pop("deal"))
    person = account_selectors.person_in_account(account=deal.account, pk=data.pop("person"), path="person")
    return Status(201, services.part_create(deal=deal, person=person, by=request.auth, **data))


@router.get("/parts/{id}", response={200: PartOut, **errors(*COMMON)})
def part_read(request: HttpRequest, response: HttpResponse, id: int = ID):
    return tagged(response, selectors.part_get(user=request.auth, pk=id))


@router.patch("/parts/{id}", response={200: PartOut, **errors(*VERSIONED)})
def part_update(request: HttpRequest, response: HttpResponse, payload: PartPatch, id: int = ID):
    part = selectors.part_get_for_edit(user=request.auth, pk=id)
    if_match_check(request, part.version)
    fields = payload.dict(exclude_unset=True, exclude={"version"})
    fields = {k: v for k, v in fields.items() if v is not None or k in ("power", "authority")}
    return tagged(
        response, services.part_update(part=part, version=payload.version, by=request.auth, **fields)
    )


@router.delete("/parts/{id}", response={204: None, **errors(*VERSIONED)})
def part_delete(request: HttpRequest, id: int = ID):
    part = selectors.part_get_for_edit(user=request.auth, pk=id)
    if_match_check(request, part.version)
    services.part_delete(part=part, by=request.auth)
    return Status(204, None)
