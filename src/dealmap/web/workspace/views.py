"""The deal workspace's pages. One htmx convention: a view renders a whole page or, for an htmx
request, just the fragments it changed (the panel it was posted from, plus the analysis regions
that follow from the change, swapped out of band)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from dealmap.engine import what_if
from dealmap.method import codes
from dealmap.web.accounts.services import ReportingLoop, person_update
from dealmap.web.core import clock
from dealmap.web.core.conflicts import Conflict
from dealmap.web.deals.services import assessment_record, interaction_record, part_update, research_update
from dealmap.web.workspace import presenters
from dealmap.web.workspace.forms import (
    PART_FIELDS,
    PERSON_FIELDS,
    AssessmentForm,
    InteractionForm,
    PersonForm,
    ResearchForm,
)
from dealmap.web.workspace.panel import (
    colleagues,
    interaction_form_suggested,
    person_context,
    person_initial,
    ticked_with,
)
from dealmap.web.workspace.selectors import TREND_STEP_DAYS, Workspace, deal_part_get, deal_workspace

#: The regions of the deal page that follow from any change to the deal.
ANALYSIS_REGIONS = (
    "workspace/_pulse.html",
    "workspace/_group.html",
    "workspace/_score.html",
    "workspace/_findings.html",
    "workspace/_strategy.html",
    "workspace/_map_data.html",
    "workspace/_whatif.html",
)


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _regions(request: HttpRequest, ws: Workspace) -> str:
    """The analysis regions, rendered for an out-of-band swap."""
    context = {**presenters.deal_context(ws), "oob": True}
    return "".join(render_to_string(t, context, request) for t in ANALYSIS_REGIONS)


@require_safe
def deal_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The deal workspace: map, findings, strategy board, research, what-if, score; ``?as_of=`` replays a past day."""
    asked = presenters.parse_day(request.GET.get("as_of"))
    ws = deal_workspace(user=request.user, pk=pk, as_of=asked, trend=False)
    if asked is not None and asked < ws.started:  # the empty map of a day before the deal: its first day
        ws = deal_workspace(user=request.user, pk=pk, as_of=ws.started, trend=False)
    context = presenters.deal_context(ws)
    context["research_form"] = _research_form(ws)
    context["replay_problem"] = _replay_problem(request.GET.get("as_of"), ws)
    return render(request, "workspace/deal.html", context)


def _replay_problem(asked: str | None, ws: Workspace) -> str:
    """Why the page does not show the day asked for (``?as_of=``), or what that day held: a
    date that is no date or lies ahead shows today, a day before the deal started an empty map."""
    if not asked:
        return ""
    day = presenters.parse_day(asked)
    if day is None:
        return _("“%(asked)s” is not a date written as YYYY-MM-DD: showing today.") % {"asked": asked[:40]}
    if day > ws.today:
        return _("%(day)s has not come yet: showing today.") % {"day": day.isoformat()}
    started = ws.started
    if day < started:
        return _("Nothing was recorded of this deal by %(day)s: showing its first day, %(first)s.") % {
            "day": day.isoformat(),
            "first": started.isoformat(),
        }
    return ""


@require_safe
def score_trend(request: HttpRequest, pk: int) -> HttpResponse:
    """The score on evenly spaced past days (a sparkline), loaded after the page: it runs the engine once per point.

    Only ever a fragment: the deal page asks for it with htmx.
    """
    ws = deal_workspace(user=request.user, pk=pk, as_of=presenters.parse_day(request.GET.get("as_of")))
    context = {"score": presenters.score_view(ws), "step": TREND_STEP_DAYS}
    return render(request, "workspace/_trend.html", context)


# --- The person panel -----------------------------------------------------------------------------


@require_safe
def person_panel(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    """One person: fields, a new assessment, the attitude history, interactions. A drawer fragment for htmx."""
    ws = deal_workspace(
        user=request.user, pk=pk, as_of=presenters.parse_day(request.GET.get("as_of")), trend=False
    )
    part = deal_part_get(user=request.user, deal=ws.deal, key=key)
    initial_level = presenters.parse_level(request.GET.get("level"))
    context = person_context(ws, part, initial_level=initial_level)
    if is_htmx(request):
        return render(request, "workspace/_person.html", context)
    return render(request, "workspace/person_page.html", context)


def _panel_response(request, pk: int, key: str, *, status: int = 200, **forms) -> HttpResponse:
    """After a write: the person panel again, and the analysis regions out of band (htmx), else a redirect."""
    ws = deal_workspace(user=request.user, pk=pk, trend=False)
    if not is_htmx(request):
        return redirect(reverse("workspace:person", args=[pk, key]))
    part = deal_part_get(user=request.user, deal=ws.deal, key=key)
    panel = render_to_string("workspace/_person.html", person_context(ws, part, **forms), request)
    if _on_person_page(request, pk, key):  # the person's own page has no analysis regions to refresh
        return HttpResponse(panel, status=status)
    return HttpResponse(panel + _regions(request, ws), status=status)


def _on_person_page(request: HttpRequest, pk: int, key: str) -> bool:
    """Whether htmx sent the request from the person's own page rather than from the deal page's drawer."""
    path = urlsplit(request.headers.get("HX-Current-URL", "")).path
    return path == reverse("workspace:person", args=[pk, key])


@require_POST
def person_save(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    """Save the person's fields and their part in the deal, checking nobody saved them meanwhile."""
    ws = deal_workspace(user=request.user, pk=pk, trend=False, for_edit=True)
    part = deal_part_get(user=request.user, deal=ws.deal, key=key)
    form = PersonForm(request.POST, initial=person_initial(part), colleagues=colleagues(ws, key))
    if not form.is_valid():
        return _panel_response(request, pk, key, status=422, person_form=form)
    data = form.cleaned_data
    touched = form.touched(person_initial(part))
    person_fields = {f: data[f] for f in PERSON_FIELDS if f in touched}
    if "reports_to" in touched:
        boss_key = data["reports_to"] or None
        person_fields["reports_to"] = (
            ws.deal.account.people.filter(key=boss_key).first() if boss_key else None
        )
    part_fields = {f: data[f] for f in PART_FIELDS if f in touched}
    try:
        with transaction.atomic():
            person_update(
                person=part.person, version=data["person_version"], by=request.user, **person_fields
            )
            part_update(part=part, version=data["part_version"], by=request.user, **part_fields)
    except ReportingLoop as loop:
        form.add_error("reports_to", str(loop))
        return _panel_response(request, pk, key, status=422, person_form=form)
    except Conflict:
        form.add_error(
            None, _("Someone else saved this person meanwhile. Reload the panel to see their change.")
        )
        return _panel_response(request, pk, key, status=409, person_form=form)
    return _panel_response(request, pk, key, saved=_("Saved.") if touched else _("No changes to save."))


@require_POST
def assessment_create(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    """Record a new assessment of the person. Appended: earlier assessments stay as they were."""
    ws = deal_workspace(user=request.user, pk=pk, trend=False, for_edit=True)
    part = deal_part_get(user=request.user, deal=ws.deal, key=key)
    form = AssessmentForm(request.POST)
    if not form.is_valid():
        return _panel_response(request, pk, key, status=422, assessment_form=form)
    assessment_record(deal=ws.deal, person=part.person, by=request.user, **form.cleaned_data)
    return _panel_response(request, pk, key, saved=_("Assessment recorded."))


@require_POST
def interaction_create(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    """Log a contact with the person (and whoever else took part)."""
    ws = deal_workspace(user=request.user, pk=pk, trend=False, for_edit=True)
    deal_part_get(user=request.user, deal=ws.deal, key=key)
    form = InteractionForm(request.POST, people=[(p.id, p.name) for p in ws.domain.stakeholders])
    if not form.is_valid():
        return _panel_response(request, pk, key, status=422, interaction_form=form)
    data = form.cleaned_data
    people = {p.key: p for p in ws.deal.account.people.filter(key__in=data["participants"])}
    interaction_record(
        deal=ws.deal,
        date=data["date"],
        participants=[people[k] for k in data["participants"]],
        by=request.user,
        channel=data["channel"],
        summary=data["summary"],
        trust_delta=data["trust_delta"],
        signals=data["signals"],
    )
    return _panel_response(request, pk, key, saved=_("Interaction logged."))


#: The reader looks at this many characters of a note at most.
NOTE_LIMIT = 5000


def _read_note(request: HttpRequest, pk: int, key: str, *, field: str):
    """The workspace, the person's part and the reader's suggestion for the note posted as ``field``.

    Open to read-only users like the what-if: nothing is stored, and their forms come back disabled.
    """
    ws = deal_workspace(user=request.user, pk=pk, trend=False)
    part = deal_part_get(user=request.user, deal=ws.deal, key=key)
    return ws, part, presenters.read_note_suggestion(request.POST.get(field, "")[:NOTE_LIMIT])


@require_POST
def note_read(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    """Suggest a level, signals and need from a note; the user confirms in the assessment form.

    What the user entered stays: the date, the whole evidence, the signals they ticked (the
    suggested ones are ticked beside them) and their level when the note suggests none.
    """
    ws, part, suggestion = _read_note(request, pk, key, field="evidence")
    posted = request.POST
    initial = {
        "date": posted.get("date") or clock.today(),
        "evidence": posted.get("evidence", ""),
        "signals": ticked_with(posted, suggestion["signals"]),
    }
    if suggestion["level"] is not None:
        initial["level"] = suggestion["level"]
    elif posted.get("level") not in (None, ""):
        initial["level"] = posted["level"]
    context = person_context(ws, part, assessment_form=AssessmentForm(initial=initial), suggestion=suggestion)
    return render(request, "workspace/_assessment_form.html", context)


@require_POST
def interaction_note_read(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    """Tick the signals a visit note suggests in the interaction form, keeping what the user entered;
    the suggested level, need and departments show as a hint. The user confirms and logs it."""
    ws, part, suggestion = _read_note(request, pk, key, field="summary")
    form = interaction_form_suggested(ws, request.POST, signals=suggestion["signals"])
    context = person_context(ws, part, interaction_form=form, interaction_suggestion=suggestion)
    return render(request, "workspace/_interaction_form.html", context)


# --- Research and what-if -------------------------------------------------------------------------


def _research_form(ws: Workspace, data=None) -> ResearchForm:
    initial = {code: answer for code, answer in ws.deal.research_answers()} | {"version": ws.deal.version}
    return ResearchForm(data, initial=initial)


@require_POST
def research_save(request: HttpRequest, pk: int) -> HttpResponse:
    """Save the seven research answers; the research block and the analysis regions come back."""
    ws = deal_workspace(user=request.user, pk=pk, trend=False, for_edit=True)
    form = _research_form(ws, request.POST)
    status, saved = 200, ""
    if form.is_valid():
        answers = {code: form.cleaned_data[code] for code in codes.RESEARCH_QUESTIONS.codes}
        try:
            research_update(
                deal=ws.deal, version=form.cleaned_data["version"], answers=answers, by=request.user
            )
            saved = _("Saved.")
        except Conflict:
            form.add_error(None, _("Someone else changed the research meanwhile. Reload the page to see it."))
            status = 409
    else:
        status = 422
    if not is_htmx(request):
        return redirect(reverse("deals:detail", args=[pk]))
    ws = deal_workspace(user=request.user, pk=pk, trend=False)
    if status == 200:
        form = _research_form(ws)
    context = {**presenters.deal_context(ws), "research_form": form, "saved": saved}
    body = render_to_string("workspace/_research.html", context, request) + _regions(request, ws)
    return HttpResponse(body, status=status)


@require_POST
def whatif(request: HttpRequest, pk: int) -> HttpResponse:
    """Re-run the analysis with some levels moved (on the replayed day, if any). Nothing is stored.

    The result carries the power map as it would look, which the page draws until the sandbox is reset.
    """
    as_of = presenters.parse_day(request.POST.get("as_of"))
    ws = deal_workspace(user=request.user, pk=pk, as_of=as_of, trend=False)
    overrides = presenters.parse_overrides(request.POST, ws)
    change = what_if(ws.domain, overrides, as_of=ws.as_of)
    context = {**presenters.deal_context(ws), "whatif": presenters.whatif_view(change, ws, overrides)}
    return render(request, "workspace/_whatif_result.html", context)
