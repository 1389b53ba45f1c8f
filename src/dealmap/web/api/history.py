"""Assessments and interactions (append-only), the audit trail, and a person's export and erasure."""

from __future__ import annotations

from typing import Any, Literal

from django.http import Http404, HttpRequest
from ninja import Router, Status

from dealmap.web.accounts import selectors as account_selectors
from dealmap.web.accounts.privacy import person_erase, person_export
from dealmap.web.api.errors import COMMON, VERSIONED, WRITE, errors
from dealmap.web.api.params import FILTER_ID, ID, LIMIT, OFFSET, if_match_check, page
from dealmap.web.api.schemas import (
    AssessmentIn,
    AssessmentOut,
    AuditOut,
    EraseIn,
    InteractionIn,
    InteractionOut,
    page_of,
)
from dealmap.web.audit.selectors import audit_history, object_visible
from dealmap.web.deals import selectors, services

router = Router(tags=["history"])

#: The kinds of object the trail records, as named in ``/history/{object_type}/{id}``.
AUDITED = ("account", "accountshare", "assessment", "deal", "interaction", "part", "person", "relation")


@router.get("/assessments", response={200: page_of(AssessmentOut), **errors(*COMMON)})
def assessment_list(
    request: HttpRequest,
    deal: int | None = FILTER_ID,
    person: int | None = FILTER_ID,
    limit: int = LIMIT,
    offset: int = OFFSET,
):
    """Recorded attitudes, oldest first (the engine's order)."""
    rows = selectors.assessment_list(user=request.auth, deal_id=deal, person_id=person)
    return page(rows, limit=limit, offset=offset)


@router.post("/assessments", response={201: AssessmentOut, **errors(*WRITE)})
def assessment_create(request: HttpRequest, payload: AssessmentIn):
    """Record an attitude. Never edited: a correction is a new assessment."""
    data = payload.dict()
    deal = selectors.deal_get_for_edit(user=request.auth, pk=data.pop("deal"))
    person = account_selectors.person_in_account(account=deal.account, pk=data.pop("person"), path="person")
    return Status(201, services.assessment_record(deal=deal, person=person, by=request.auth, **data))


@router.get("/assessments/{id}", response={200: AssessmentOut, **errors(*COMMON)})
def assessment_read(request: HttpRequest, id: int = ID):
    return selectors.assessment_get(user=request.auth, pk=id)


@router.get("/interactions", response={200: page_of(InteractionOut), **errors(*COMMON)})
def interaction_list(
    request: HttpRequest, deal: int | None = FILTER_ID, limit: int = LIMIT, offset: int = OFFSET
):
    rows = selectors.interaction_list(user=request.auth, deal_id=deal)
    return page(rows, limit=limit, offset=offset)


@router.post("/interactions", response={201: InteractionOut, **errors(*WRITE)})
def interaction_create(request: HttpRequest, payload: InteractionIn):
    """Record a contact with the people who took part."""
    data = payload.dict()
    deal = selectors.deal_get_for_edit(user=request.auth, pk=data.pop("deal"))
    people = [
        account_selectors.person_in_account(account=deal.account, pk=pk, path=f"participants.{i}")
        for i, pk in enumerate(data.pop("participants"))
    ]
    return Status(201, services.interaction_record(deal=deal, participants=people, by=request.auth, **data))


@router.get("/interactions/{id}", response={200: InteractionOut, **errors(*COMMON)})
def interaction_read(request: HttpRequest, id: int = ID):
    return selectors.interaction_get(user=request.auth, pk=id)


@router.get("/history/{object_type}/{id}", response={200: list[AuditOut], **errors(*COMMON)})
def history_read(request: HttpRequest, object_type: Literal[AUDITED], id: int = ID):  # type: ignore[valid-type]
    """Who changed the object, when, and what (before and after); 404 unless you may see it.

    A deleted object's history stays readable to those who could see its account.
    """
    entries = list(audit_history(user=request.auth, object_type=object_type, object_id=id))
    if not entries and not object_visible(user=request.auth, object_type=object_type, pk=id):
        raise Http404("No such object.")
    return entries


@router.get("/people/{id}/export", response={200: dict[str, Any], **errors(*COMMON)})
def person_export_read(request: HttpRequest, id: int = ID):
    """Everything stored about one customer person, as JSON (for their access request)."""
    person = account_selectors.person_get(user=request.auth, pk=id)
    return person_export(person=person, by=request.auth)


@router.post("/people/{id}/erase", response={200: dict[str, Any], **errors(*VERSIONED)})
def person_erase_run(request: HttpRequest, payload: EraseIn, id: int = ID):
    """Erase a customer person: anonymise (keep levels and dates without identity) or delete."""
    person = account_selectors.person_get_for_edit(user=request.auth, pk=id)
    if_match_check(request, person.version)
    return person_erase(person=person, version=payload.version, mode=payload.mode, by=request.auth)
