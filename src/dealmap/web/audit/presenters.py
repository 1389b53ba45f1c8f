"""Audit entries as the history page shows them: who, when, what, and each field before → after.

Field names become the models' translated labels; codes become their labels in the active
language (from ``dealmap.method.codes``), levels their names, people's ids their names.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dealmap.method import codes
from dealmap.method.levels import LEVELS
from dealmap.web import i18n
from dealmap.web.audit.models import Action, AuditEntry

#: The model behind each object type the trail records.
MODELS = {
    "account": "accounts.Account",
    "accountshare": "accounts.AccountShare",
    "person": "accounts.Person",
    "relation": "accounts.Relation",
    "deal": "deals.Deal",
    "part": "deals.Part",
    "assessment": "deals.Assessment",
    "interaction": "deals.Interaction",
}

#: Fields whose values are codes of one vocabulary.
VOCABULARY_OF = {
    "layer": codes.LAYERS,
    "department": codes.DEPARTMENTS,
    "personal_need": codes.PERSONAL_NEEDS,
    "change_style": codes.CHANGE_STYLES,
    "buying_role": codes.BUYING_ROLES,
    "objection_kind": codes.OBJECTION_KINDS,
    "kind": codes.RELATION_KINDS,
    "channel": codes.CHANNELS,
    "signals": codes.SIGNALS,
}

#: Fields that hold a person's id, or a list of them (an interaction's participants).
PERSON_FIELDS = ("reports_to_id", "person_id", "source_id", "target_id")
PEOPLE_FIELDS = ("participants",)

#: Bookkeeping that says nothing to a reader of the history.
HIDDEN = {"id", "version", "account_id", "deal_id", "owner_id", "recorded_at", "recorded_by_id"}

#: Keys of the share and erasure entries, which are not model fields.
EXTRA_LABELS = {
    "user": gettext_lazy("colleague"),
    "mode": gettext_lazy("erasure mode"),
    # An import's entry counts what came in.
    "people": gettext_lazy("people"),
    "assessments": gettext_lazy("assessments"),
    # Foreign keys without a label of their own (the model field would read "person", "source"…).
    "person_id": gettext_lazy("person"),
    "source_id": gettext_lazy("relation from"),
    "target_id": gettext_lazy("relation to"),
    "participants": gettext_lazy("participants"),
}
ERASE_MODES = {"anonymise": gettext_lazy("anonymised"), "delete": gettext_lazy("deleted")}


@dataclass(frozen=True)
class Change:
    field: str
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class EntryView:
    at: Any
    actor: str
    action: str
    action_label: str
    object_label: str
    changes: list[Change]
    #: Only values after (a creation) or only before (a deletion): shown as one column.
    one_sided: str = ""


def entry_view(entry: AuditEntry, *, people: dict[int, str], about: str = "") -> EntryView:
    """One entry for the page; ``people`` names the account's people by id; ``about`` names whom
    the object concerns when its fields do not (a part in a deal)."""
    before, after = entry.before or {}, entry.after or {}
    changes = []
    for key in [*before, *(k for k in after if k not in before)]:
        if key in HIDDEN:
            continue
        old = value_text(entry.object_type, key, before.get(key), people)
        new = value_text(entry.object_type, key, after.get(key), people)
        if old == new == "":
            continue  # an empty field of a created or deleted object
        changes.append(Change(key, field_label(entry.object_type, key), old, new))
    return EntryView(
        at=entry.at,
        actor=entry.actor_name or _("system"),
        action=entry.action,
        action_label=Action(entry.action).label if entry.action in Action.values else entry.action,
        object_label=object_label(entry.object_type) + (f" · {about}" if about else ""),
        changes=changes,
        one_sided="after" if entry.before is None else "before" if entry.after is None else "",
    )


def object_label(object_type: str) -> str:
    """The translated name of an object type (``person`` → 联系人)."""
    if object_type in MODELS:
        return str(apps.get_model(MODELS[object_type])._meta.verbose_name)
    return object_type


def field_label(object_type: str, key: str) -> str:
    """The translated label of a stored field (``reports_to_id`` → 汇报给)."""
    if key in EXTRA_LABELS:
        return capfirst(str(EXTRA_LABELS[key]))
    if key.startswith("research_"):
        return i18n.label(codes.RESEARCH_QUESTIONS, key.removeprefix("research_"))
    if object_type in MODELS:
        meta = apps.get_model(MODELS[object_type])._meta
        name = key.removesuffix("_id") if key.endswith("_id") else key
        try:
            label = getattr(meta.get_field(name), "verbose_name", None)
        except FieldDoesNotExist:
            label = None
        if label:
            return capfirst(str(label))
    return key


def value_text(object_type: str, key: str, value: Any, people: dict[int, str]) -> str:
    """A stored value as a reader wants it: a code's label, a level's name, a person's name."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if key in PERSON_FIELDS:
        return people.get(value, f"#{value}")
    if key in PEOPLE_FIELDS and isinstance(value, list):
        return _joiner().join(people.get(v, f"#{v}") for v in value)
    if key == "level" and value in LEVELS:
        sign = f"{value:+d}" if value else "0"
        return f"{sign} {i18n.text(LEVELS[value].label)}"
    if key == "amount":  # stored as the text of a Decimal: "2800000.00" reads 2,800,000
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            return str(value)
        return f"{number:,.0f}" if number == number.to_integral_value() else f"{number:,.2f}"
    if key == "mode" and value in ERASE_MODES:
        return str(ERASE_MODES[value])
    if key in VOCABULARY_OF:
        vocabulary = VOCABULARY_OF[key]
        values = value if isinstance(value, list) else [value]
        return _joiner().join(i18n.label(vocabulary, str(v)) for v in values)
    if isinstance(value, list):
        return _joiner().join(_plain(v) for v in value)
    if isinstance(value, dict):
        return _joiner().join(f"{k}: {_plain(v)}" for k, v in value.items())
    return str(value)


def _joiner() -> str:
    return "、" if i18n.lang() == "zh" else ", "


def _plain(value) -> str:
    """An item of a stored list (a competitor, or a {"competitor": …, "strength": …} pair) as text."""
    if isinstance(value, dict):
        return " ".join(str(v) for v in value.values() if v not in (None, ""))
    return str(value)
