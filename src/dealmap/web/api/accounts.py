"""Accounts, who they are shared with, people and relations."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Status

from dealmap.method import codes
from dealmap.web.accounts import selectors, services
from dealmap.web.api.errors import COMMON, VERSIONED, WRITE, errors
from dealmap.web.api.params import FILTER_ID, ID, LIMIT, OFFSET, OWNER, if_match_check, page, tagged
from dealmap.web.api.schemas import (
    AccountIn,
    AccountOut,
    AccountPatch,
    AuditOut,
    PersonIn,
    PersonOut,
    PersonPatch,
    RelationIn,
    RelationOut,
    ShareIn,
    ShareOut,
    page_of,
)
from dealmap.web.audit.selectors import audit_for_account

router = Router(tags=["accounts"])


@router.get("/accounts", response={200: page_of(AccountOut), **errors(*COMMON)})
def account_list(
    request: HttpRequest,
    owner: str | None = OWNER,
    limit: int = LIMIT,
    offset: int = OFFSET,
):
    """The accounts you may see: yours, those shared with you, your team's (managers), all (admins)."""
    accounts = selectors.account_list(user=request.auth).order_by("name", "id")
    if owner:
        accounts = accounts.filter(owner__username=owner)
    return page(accounts, limit=limit, offset=offset)


@router.post("/accounts", response={201: AccountOut, **errors(*WRITE)})
def account_create(request: HttpRequest, payload: AccountIn):
    """A new account owned by you."""
    return Status(201, services.account_create(owner=request.auth, by=request.auth, **payload.dict()))


@router.get("/accounts/{id}", response={200: AccountOut, **errors(*COMMON)})
def account_read(request: HttpRequest, response: HttpResponse, id: int = ID):
    return tagged(response, selectors.account_get(user=request.auth, pk=id))


@router.patch("/accounts/{id}", response={200: AccountOut, **errors(*VERSIONED)})
def account_update(request: HttpRequest, response: HttpResponse, payload: AccountPatch, id: int = ID):
    """Change an account; ``version`` is the one you read (409 if it moved on)."""
    account = selectors.account_get_for_edit(user=request.auth, pk=id)
    if_match_check(request, account.version)
    fields = payload.dict(exclude_unset=True, exclude={"version"}, exclude_none=True)
    return tagged(
        response, services.account_update(account=account, version=payload.version, by=request.auth, **fields)
    )


@router.delete("/accounts/{id}", response={204: None, **errors(*VERSIONED)})
def account_delete(request: HttpRequest, id: int = ID):
    """Delete an account with its people and deals (owner or admin only; the trail stays)."""
    account = selectors.account_get_for_owner(user=request.auth, pk=id)
    if_match_check(request, account.version)
    services.account_delete(account=account, by=request.auth)
    return Status(204, None)


@router.get("/accounts/{id}/shares", response={200: list[ShareOut], **errors(*COMMON)})
def share_list(request: HttpRequest, id: int = ID):
    """Who the account is shared with."""
    return list(
        selectors.share_list(user=request.auth, account=selectors.account_get(user=request.auth, pk=id))
    )


@router.post("/accounts/{id}/shares", response={200: ShareOut, **errors(*WRITE)})
def share_set(request: HttpRequest, payload: ShareIn, id: int = ID):
    """Share the account with a colleague (view, or edit with ``can_edit``); owner or admin only.

    A username that cannot be given the account answers with the reason at ``username``: 404 for
    no such user or a deactivated one, 409 for yourself, the owner, an administrator (who sees
    and changes every account already) or a view share for the manager of the owner's team (who
    sees it already). Sharing again at the same level changes nothing.
    """
    account = selectors.account_get_for_owner(user=request.auth, pk=id)
    colleague = selectors.colleague_get(account=account, username=payload.username, by=request.auth)
    if selectors.sees_already(account=account, user=colleague, can_edit=payload.can_edit):
        raise selectors.ShareRefused("manager", colleague.username)
    return services.share_set(account=account, user=colleague, can_edit=payload.can_edit, by=request.auth)


@router.delete("/accounts/{id}/shares/{user_id}", response={204: None, **errors(*WRITE)})
def share_remove(request: HttpRequest, id: int = ID, user_id: int = ID):
    """Stop sharing the account with a colleague; owner or admin only."""
    account = selectors.account_get_for_owner(user=request.auth, pk=id)
    services.share_remove(account=account, user_id=user_id, by=request.auth)
    return Status(204, None)


@router.get("/accounts/{id}/history", response={200: page_of(AuditOut), **errors(*COMMON)})
def account_history(request: HttpRequest, id: int = ID, limit: int = LIMIT, offset: int = OFFSET):
    """Everything recorded under the account, oldest first: the account itself, its shares, people,
    relations, deals, parts, assessments and interactions, including those since deleted."""
    account = selectors.account_get(user=request.auth, pk=id)
    entries = audit_for_account(user=request.auth, account_id=account.pk).order_by("at", "id")
    return page(entries, limit=limit, offset=offset)


# -- people --------------------------------------------------------------------------------------


@router.get("/people", response={200: page_of(PersonOut), **errors(*COMMON)})
def person_list(
    request: HttpRequest,
    account: int | None = FILTER_ID,
    deal: int | None = FILTER_ID,
    department: Literal[codes.DEPARTMENTS.codes] | None = None,  # type: ignore[valid-type]
    role: Literal[codes.BUYING_ROLES.codes] | None = Query(None, description="Buying role in a deal."),  # type: ignore[valid-type]
    group: Literal[codes.GROUPS.codes] | None = Query(None, description="Attitude group (latest level)."),  # type: ignore[valid-type]
    owner: str | None = OWNER,
    limit: int = LIMIT,
    offset: int = OFFSET,
):
    """People you may see, filtered by account, deal, department, buying role, attitude group, owner."""
    people = selectors.person_search(
        user=request.auth,
        account_id=account,
        deal_id=deal,
        department=department,
        buying_role=role,
        group=group,
        owner=owner,
    )
    return page(people, limit=limit, offset=offset)


@router.post("/people", response={201: PersonOut, **errors(*WRITE)})
def person_create(request: HttpRequest, payload: PersonIn):
    """A new person at an account you may edit; ``key`` defaults to the next free ``pN``."""
    data = payload.dict()
    account = selectors.account_get_for_edit(user=request.auth, pk=data.pop("account"))
    reports_to = data.pop("reports_to")
    boss = (
        selectors.person_in_account(account=account, pk=reports_to, path="reports_to") if reports_to else None
    )
    return Status(201, services.person_create(account=account, reports_to=boss, by=request.auth, **data))


@router.get("/people/{id}", response={200: PersonOut, **errors(*COMMON)})
def person_read(request: HttpRequest, response: HttpResponse, id: int = ID):
    return tagged(response, selectors.person_get(user=request.auth, pk=id))


@router.patch("/people/{id}", response={200: PersonOut, **errors(*VERSIONED)})
def person_update(request: HttpRequest, response: HttpResponse, payload: PersonPatch, id: int = ID):
    """Change a person; ``version`` is the one you read (409 if someone saved in between)."""
    person = selectors.person_get_for_edit(user=request.auth, pk=id)
    if_match_check(request, person.version)
    fields = payload.dict(exclude_unset=True, exclude={"version"})
    if "reports_to" in fields and fields["reports_to"] is not None:
        fields["reports_to"] = selectors.person_in_account(
            account=person.account, pk=fields["reports_to"], path="reports_to"
        )
    fields = {k: v for k, v in fields.items() if v is not None or k == "reports_to"}
    return tagged(
        response, services.person_update(person=person, version=payload.version, by=request.auth, **fields)
    )


@router.delete("/people/{id}", response={204: None, **errors(*VERSIONED)})
def person_delete(request: HttpRequest, id: int = ID):
    """Delete a person with their parts, assessments and relations (the trail keeps who did it)."""
    person = selectors.person_get_for_edit(user=request.auth, pk=id)
    if_match_check(request, person.version)
    services.person_delete(person=person, by=request.auth)
    return Status(204, None)


# -- relations -----------------------------------------------------------------------------------


@router.get("/relations", response={200: page_of(RelationOut), **errors(*COMMON)})
def relation_list(
    request: HttpRequest, account: int | None = FILTER_ID, limit: int = LIMIT, offset: int = OFFSET
):
    return page(selectors.relation_list(user=request.auth, account_id=account), limit=limit, offset=offset)


@router.post("/relations", response={201: RelationOut, **errors(*WRITE)})
def relation_create(request: HttpRequest, payload: RelationIn):
    """A tie between two people of one account you may edit."""
    source = selectors.person_get_for_edit(user=request.auth, pk=payload.source)
    target = selectors.person_in_account(account=source.account, pk=payload.target, path="target")
    return Status(
        201,
        services.relation_create(
            source=source, target=target, kind=payload.kind, strength=payload.strength, by=request.auth
        ),
    )


@router.get("/relations/{id}", response={200: RelationOut, **errors(*COMMON)})
def relation_read(request: HttpRequest, id: int = ID):
    return selectors.relation_get(user=request.auth, pk=id)


@router.delete("/relations/{id}", response={204: None, **errors(*WRITE)})
def relation_delete(request: HttpRequest, id: int = ID):
    services.relation_delete(
        relation=selectors.relation_get_for_edit(user=request.auth, pk=id), by=request.auth
    )
    return Status(204, None)
