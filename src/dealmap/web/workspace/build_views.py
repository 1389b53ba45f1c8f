"""Building the buying group in the browser: add a person to a deal (someone new, or someone the
account has already), tie two people with a relation, untie them, and take someone out of a deal.

Each write goes through the same services as the API and the import, so the same rules hold: a
new person gets the next free key, a relation is stored once, a reporting line cannot loop.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from dealmap.web.accounts.models import Person, Relation
from dealmap.web.accounts.services import (
    RelationRepeated,
    SelfRelation,
    lock_account,
    lock_people,
    person_create,
    relation_create,
    relation_delete,
)
from dealmap.web.deals.models import Part
from dealmap.web.deals.services import part_create, part_delete
from dealmap.web.workspace.forms import (
    RELATION_WAYS,
    ExistingPersonForm,
    NewPersonForm,
    RelationForm,
    same_name_message,
)
from dealmap.web.workspace.panel import colleagues
from dealmap.web.workspace.selectors import deal_part_get, deal_workspace
from dealmap.web.workspace.views import _panel_response


def _outside_the_deal(ws) -> list[tuple[str, str]]:
    """People of the account who have no part in this deal yet."""
    inside = {p.id for p in ws.domain.stakeholders}
    people = ws.deal.account.people.exclude(key__in=inside).order_by("name", "key")
    return list(people.values_list("key", "name"))


@require_http_methods(["GET", "HEAD", "POST"])
def person_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Add someone to the deal's buying group: a new person, or one already at the account."""
    ws = deal_workspace(user=request.user, pk=pk, trend=False, for_edit=True)
    outside = _outside_the_deal(ws)
    everyone = colleagues(ws, "")  # whom a new person may report to, and the names in use
    new_form = NewPersonForm(colleagues=everyone)
    existing_form = ExistingPersonForm(people=outside)
    status = 200
    if request.method == "POST":
        # Each check is made again under the account's lock when storing: a second click, or
        # someone else at the same moment, gets the form's answer, not a server error.
        if request.POST.get("mode") == "existing":
            existing_form = ExistingPersonForm(request.POST, people=outside)
            if existing_form.is_valid():
                try:
                    person = _join(ws, existing_form.cleaned_data, request.user)
                except (ValidationError, Person.DoesNotExist):
                    existing_form.add_error(
                        "person", _("This person is in the deal already, or no longer at the account.")
                    )
                else:
                    return _added(request, pk, person)
        else:
            new_form = NewPersonForm(request.POST, colleagues=everyone)
            if new_form.is_valid():
                try:
                    person = _create(ws, new_form.cleaned_data, request.user)
                except _Refused as refused:
                    new_form.add_error(refused.field, refused.message)
                else:
                    return _added(request, pk, person)
        status = 422
    context = {"deal": ws.deal, "new_form": new_form, "existing_form": existing_form, "outside": outside}
    return render(request, "workspace/person_add.html", context, status=status)


class _Refused(Exception):
    def __init__(self, field: str, message: str):
        self.field, self.message = field, message


@transaction.atomic
def _join(ws, data: dict, user):
    lock_account(ws.deal.account)
    person = ws.deal.account.people.get(key=data["person"])
    part_create(deal=ws.deal, person=person, buying_role=data["buying_role"], by=user)
    return person


@transaction.atomic
def _create(ws, data: dict, user):
    account = ws.deal.account
    lock_account(account)
    if account.people.filter(name=data["name"]).exists():
        raise _Refused("name", same_name_message(data["name"]))
    boss_key = data.get("reports_to") or None
    boss = account.people.filter(key=boss_key).first() if boss_key else None
    if boss_key and boss is None:
        raise _Refused("reports_to", _("This manager is no longer at the account: choose again."))
    person = person_create(
        account=account,
        name=data["name"],
        title=data["title"],
        layer=data["layer"],
        department=data["department"],
        reports_to=boss,
        by=user,
    )
    part_create(
        deal=ws.deal,
        person=person,
        buying_role=data["buying_role"],
        power=data["power"],
        authority=data["authority"],
        is_coach=data["is_coach"],
        by=user,
    )
    return person


def _added(request: HttpRequest, pk: int, person) -> HttpResponse:
    messages.success(request, _("%(name)s is in the buying group now.") % {"name": person.name})
    if request.POST.get("next") == "another":
        return redirect(reverse("workspace:person_add", args=[pk]))
    return redirect(reverse("workspace:person", args=[pk, person.key]))


@require_POST
def relation_add(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    """Tie the person on the panel to someone else at the account."""
    ws = deal_workspace(user=request.user, pk=pk, trend=False, for_edit=True)
    part = deal_part_get(user=request.user, deal=ws.deal, key=key)
    form = RelationForm(request.POST, people=colleagues(ws, key))
    if not form.is_valid():
        return _panel_response(request, pk, key, status=422, relation_form=form)
    _label, kind, outward = RELATION_WAYS[form.cleaned_data["way"]]
    other = ws.deal.account.people.filter(key=form.cleaned_data["other"]).first()
    if other is None:
        raise Http404("No such person at this account.")
    source, target = (part.person, other) if outward else (other, part.person)
    try:
        _relate(source, target, kind, request.user)
    except (SelfRelation, RelationRepeated) as refused:
        form.add_error(
            None,
            str(refused) if isinstance(refused, SelfRelation) else _("This relation is recorded already."),
        )
        return _panel_response(request, pk, key, status=422, relation_form=form)
    return _panel_response(request, pk, key, saved=_("Relation added."))


@transaction.atomic
def _relate(source, target, kind: str, user) -> None:
    """The panel reads "close to" and "in conflict with" the same both ways round: recorded from
    the other person's side it is the same tie, not a second one (checked under both people's
    locks). The API and the files keep direction, as the deal file format does."""
    lock_people([source.pk, target.pk])
    if kind in ("close", "conflicts"):
        stored = Relation.objects.filter(source=target, target=source, kind=kind).first()
        if stored is not None:
            raise RelationRepeated(stored)
    relation_create(source=source, target=target, kind=kind, by=user)


@require_POST
def relation_remove(request: HttpRequest, pk: int, key: str, relation_id: int) -> HttpResponse:
    """Remove a relation of the person on the panel."""
    ws = deal_workspace(user=request.user, pk=pk, trend=False, for_edit=True)
    part = deal_part_get(user=request.user, deal=ws.deal, key=key)
    relation = (
        Relation.objects.filter(pk=relation_id, account=ws.deal.account)
        .filter(Q(source=part.person) | Q(target=part.person))
        .first()
    )
    if relation is None:
        raise Http404("No such relation of this person.")
    relation_delete(relation=relation, by=request.user)
    return _panel_response(request, pk, key, saved=_("Relation removed."))


@require_POST
def part_remove(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    """Take the person out of this deal's buying group; they stay at the account, and what was
    recorded of them stays in the history."""
    ws = deal_workspace(user=request.user, pk=pk, trend=False, for_edit=True)
    part = deal_part_get(user=request.user, deal=ws.deal, key=key)
    try:
        part_delete(part=part, by=request.user)
    except (ValidationError, Part.DoesNotExist):  # removed meanwhile
        raise Http404("No such person in this deal.") from None
    messages.success(
        request, _("%(name)s is no longer in this deal's buying group.") % {"name": part.person.name}
    )
    response = redirect(reverse("deals:detail", args=[pk]))
    if request.headers.get("HX-Request") == "true":  # from the drawer: the whole page changes
        response = HttpResponse(status=204)
        response["HX-Redirect"] = reverse("deals:detail", args=[pk])
    return response
