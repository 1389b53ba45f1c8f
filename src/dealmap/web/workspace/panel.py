"""The person panel's content: fields, the assessment form, the attitude history, interactions."""

from __future__ import annotations

from django.db.models import Q
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from dealmap.interchange.bidi import typed_texts
from dealmap.method import codes
from dealmap.method.levels import LEVELS
from dealmap.web import i18n
from dealmap.web.accounts.models import Relation
from dealmap.web.core import clock
from dealmap.web.core.text import isolated
from dealmap.web.deals.models import Part
from dealmap.web.workspace import presenters
from dealmap.web.workspace.forms import AssessmentForm, InteractionForm, PersonForm, RelationForm
from dealmap.web.workspace.selectors import Workspace


def colleagues(ws: Workspace, key: str) -> list[tuple[str, str]]:
    """Whom the person may report to: everyone at the account but themself — the deal's people first.

    Not only the deal's people: a boss outside this deal must stay selectable, or saving the form
    would erase a reporting line that the account's other deals show.
    """
    in_deal = [(p.id, p.name) for p in ws.domain.stakeholders if p.id != key]
    keys = {k for k, _ in in_deal}
    others = ws.deal.account.people.exclude(key__in=keys | {key}).order_by("name").values_list("key", "name")
    return in_deal + list(others)


def person_initial(part: Part) -> dict:
    """The person form's fields as stored: what the panel shows for ``part`` and its person."""
    person = part.person
    return {
        "name": person.name,
        "title": person.title,
        "layer": person.layer,
        "department": person.department,
        "reports_to": person.reports_to.key if person.reports_to else "",
        "personal_need": person.personal_need,
        "change_style": person.change_style,
        "notes": person.notes,
        "buying_role": part.buying_role,
        "power": part.power,
        "authority": part.authority,
        "personal_wins": part.personal_wins,
        "objection_kind": part.objection_kind,
        "objection_text": part.objection_text,
        "is_coach": part.is_coach,
        "person_version": person.version,
        "part_version": part.version,
    }


def _person_form(ws: Workspace, part: Part) -> PersonForm:
    return PersonForm(initial=person_initial(part), colleagues=colleagues(ws, part.person.key))


def _history(ws: Workspace, key: str) -> list[dict]:
    lang = i18n.lang()
    return [
        {
            "date": a.date.isoformat(),
            "level": a.level,
            "name": LEVELS[a.level].label.get(lang),
            "evidence": a.evidence,
            "signals": [i18n.label(codes.SIGNALS, s) for s in a.signals],
        }
        for a in ws.assessments_of(key)
    ]


def _interactions(ws: Workspace, key: str) -> list[dict]:
    names = {p.id: p.name for p in ws.domain.stakeholders}
    rows = [
        {
            "date": i.date,
            "channel": i18n.label(codes.CHANNELS, i.channel) if i.channel else "",
            "summary": i.summary,
            "trust_delta": i.trust_delta,
            "others": [names.get(k, k) for k in i.stakeholders if k != key],
            "signals": [i18n.label(codes.SIGNALS, s) for s in i.signals],
        }
        for i in ws.interactions_of(key)
    ]
    return rows[::-1]


def _relations(ws: Workspace, person) -> list[dict]:
    """The person's relations, each read from their side: "sways 王总", "is swayed by 李工"."""
    rows = (
        Relation.objects.filter(Q(source=person) | Q(target=person))
        .select_related("source", "target")
        .order_by("kind", "pk")
    )
    out = []
    for r in rows:
        outward = r.source_id == person.pk
        other = r.target if outward else r.source
        if r.kind == "influences":
            pattern = gettext("sways %(other)s") if outward else gettext("is swayed by %(other)s")
        elif r.kind == "close":
            pattern = gettext("is close to %(other)s")
        else:
            pattern = gettext("is in conflict with %(other)s")
        shown = mark_safe(pattern % {"other": format_html("<bdi>{}</bdi>", other.name)})  # noqa: S308
        out.append({"id": r.pk, "html": shown, "text": pattern % {"other": isolated(other.name)}})
    return out


def _people(ws: Workspace) -> list[tuple[str, str]]:
    return [(p.id, p.name) for p in ws.domain.stakeholders]


def interaction_form_suggested(ws: Workspace, data, *, signals: list[str]) -> InteractionForm:
    """The interaction form as the user left it (``data``: the posted fields), with ``signals`` ticked too."""
    initial = {name: data.get(name, "") for name in ("date", "channel", "summary", "trust_delta")}
    initial["date"] = initial["date"] or clock.today()
    initial["participants"] = data.getlist("participants")
    initial["signals"] = ticked_with(data, signals)
    return InteractionForm(initial=initial, people=_people(ws))


def ticked_with(data, signals: list[str]) -> list[str]:
    """The signals the user ticked (``data``: the posted fields) and ``signals`` too, in the method's order."""
    ticked = set(data.getlist("signals")) | set(signals)
    return [code for code in codes.SIGNALS.codes if code in ticked]


def person_context(
    ws: Workspace,
    part: Part,
    *,
    initial_level: int | None = None,
    person_form: PersonForm | None = None,
    assessment_form: AssessmentForm | None = None,
    interaction_form: InteractionForm | None = None,
    suggestion: dict | None = None,
    interaction_suggestion: dict | None = None,
    relation_form: RelationForm | None = None,
    saved: str = "",
) -> dict:
    """What the person panel shows for ``part`` in the workspace ``ws``."""
    key = part.person.key
    view = ws.views.get(key)
    level = view.level if view else None
    people = _people(ws)
    if assessment_form is None:
        start = initial_level if initial_level is not None else (level if level is not None else 0)
        assessment_form = AssessmentForm(initial={"level": start, "date": clock.today()})
    if interaction_form is None:
        interaction_form = InteractionForm(
            initial={"date": clock.today(), "participants": [key]}, people=people
        )
    return {
        "ws": ws,
        "deal": ws.deal,
        "replay": ws.replay,
        "readonly": ws.readonly,
        "as_of": ws.as_of,
        "part": part,
        "person": part.person,
        "key": key,
        "known": key in ws.people,
        "level": level,
        "group": view.group if view else "unassessed",
        "strategy": view.strategy if view else "assess",
        "actions": presenters.action_items(view.actions, typed_texts(ws.domain)) if view else [],
        "influenced_by": [ws.people[k].name for k in view.influenced_by if k in ws.people] if view else [],
        "history": _history(ws, key),
        "interactions": _interactions(ws, key),
        "person_form": person_form or _person_form(ws, part),
        "assessment_form": assessment_form,
        "interaction_form": interaction_form,
        "levels": presenters.level_table(),
        "suggestion": suggestion,
        "interaction_suggestion": interaction_suggestion,
        "relations": _relations(ws, part.person),
        "relation_form": relation_form or RelationForm(people=colleagues(ws, key)),
        "saved": saved,
        "signals_available": presenters.read_note_suggestion("")["available"],
    }
