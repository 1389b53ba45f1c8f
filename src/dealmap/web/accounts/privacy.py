"""A customer person's rights: everything stored about them (export) and their erasure.

What erasure keeps, by design (see docs/access.md): the person's key, layer and department, the
levels, dates and signal codes of their assessments, their buying role, power, authority,
objection kind and coach flag in each deal, the relations (as ties between keys), and the audit
entries (with every text about them scrubbed). Everything that says who they are or what they
said or want — name, title, notes, personal need, change style, personal wins, objection text,
assessment evidence — is removed, and their name is replaced wherever it appears in the account's
other texts (others' notes and evidence, interaction summaries, research answers, account notes).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from dealmap.web.accounts.models import Account, Person, Relation
from dealmap.web.accounts.services import person_remove
from dealmap.web.audit.models import Action, AuditEntry
from dealmap.web.audit.services import audit_record, audit_scrub, snapshot
from dealmap.web.core.conflicts import Conflict

#: Texts that describe the person, blanked in their own rows and audit entries.
PERSONAL_TEXT = ("name", "title", "notes", "evidence", "personal_wins", "objection_text", "summary")


def erased_name(person: Person) -> str:
    """What an anonymised person is called: a marker and their key, in neither language's words."""
    return f"[{person.key}]"


def person_export(*, person: Person, by) -> dict:
    """Everything stored about ``person`` as plain JSON data. The export itself is audited."""
    from dealmap.web.deals.models import Assessment, Interaction, Part

    parts = Part.objects.filter(person=person).select_related("deal").order_by("id")
    assessments = Assessment.objects.filter(person=person).order_by("date", "recorded_at", "id")
    interactions = Interaction.objects.filter(participations__person=person).order_by("date", "id").distinct()
    relations = Relation.objects.filter(Q(source=person) | Q(target=person)).order_by("id")
    entries = AuditEntry.objects.filter(_entries_about(person)).order_by("at", "id")
    data = {
        "format": "dealmap-person-export/1",
        "person": snapshot(person),
        "account": {"id": person.account_id, "name": person.account.name},
        "parts": [{**snapshot(p), "deal_name": p.deal.name} for p in parts],
        "assessments": [snapshot(a) for a in assessments],
        "interactions": [snapshot(i) for i in interactions],
        "relations": [snapshot(r) for r in relations],
        "audit": [
            {
                "at": e.at.isoformat(),
                "actor": e.actor_name,
                "action": e.action,
                "object_type": e.object_type,
                "object_id": e.object_id,
                "before": e.before,
                "after": e.after,
            }
            for e in entries
        ],
    }
    audit_record(actor=by, action=Action.EXPORT, obj=person, account_id=person.account_id)
    return data


def _entries_about(person: Person) -> Q:
    from dealmap.web.deals.models import Assessment, Part

    own = Q(object_type="person", object_id=person.pk)
    parts = Q(
        object_type="part",
        object_id__in=list(Part.objects.filter(person=person).values_list("pk", flat=True)),
    )
    assessed = Q(
        object_type="assessment",
        object_id__in=list(Assessment.objects.filter(person=person).values_list("pk", flat=True)),
    )
    return own | parts | assessed


@transaction.atomic
def person_erase(*, person: Person, version: int, by, mode: str = "anonymise") -> dict:
    """Erase ``person``: ``anonymise`` keeps their structure without identity, ``delete`` removes them.

    ``version`` is the person's version the caller saw (Conflict if it changed). Returns a summary
    of what was changed, with no personal data in it.
    """
    from dealmap.web.deals.models import Assessment, Deal, Interaction, Part

    if mode not in ("anonymise", "delete"):
        raise ValueError(f"unknown erase mode: {mode!r}")
    locked = Person.objects.select_for_update().filter(pk=person.pk, version=version).first()
    if locked is None:
        raise Conflict("Person", person.pk, version)
    person = locked
    placeholder = erased_name(person)
    names = {person.name: placeholder} if len(person.name.strip()) >= 2 else {}
    about = list(AuditEntry.objects.filter(_entries_about(person)).values_list("pk", flat=True))
    summary = {"mode": mode, "key": person.key, "texts_rewritten": 0, "audit_entries_scrubbed": 0}

    # Their name in the account's other texts.
    account = Account.objects.get(pk=person.account_id)
    rewritten = _replace_in(Account.objects.filter(pk=account.pk), ("notes",), names)
    rewritten += _replace_in(Person.objects.filter(account=account).exclude(pk=person.pk), ("notes",), names)
    deals = Deal.objects.filter(account=account)
    research = tuple(f.name for f in Deal._meta.fields if f.name.startswith("research_"))
    rewritten += _replace_in(deals, research, names)
    rewritten += _replace_in(Part.objects.filter(deal__in=deals), ("personal_wins", "objection_text"), names)
    rewritten += _replace_in(Assessment.objects.filter(deal__in=deals), ("evidence",), names)
    rewritten += _replace_in(Interaction.objects.filter(deal__in=deals), ("summary",), names)
    summary["texts_rewritten"] = rewritten

    # Their own texts. Assessments are append-only; erasure is the one sanctioned rewrite.
    Assessment.objects.filter(person=person).update(evidence="")
    Part.objects.filter(person=person).update(personal_wins="", objection_text="")

    scrubbed = audit_scrub(entries=AuditEntry.objects.filter(account=account), replace=names)
    scrubbed += audit_scrub(entries=AuditEntry.objects.filter(pk__in=about), replace={}, blank=PERSONAL_TEXT)
    summary["audit_entries_scrubbed"] = scrubbed

    if mode == "delete":
        pk = person.pk
        summary["interactions_removed"] = person_remove(person)
        person.pk = pk
    else:
        Person.objects.filter(pk=person.pk).update(
            name=placeholder,
            title="",
            notes="",
            personal_need="",
            change_style="",
            version=person.version + 1,
        )
    audit_record(actor=by, action=Action.ERASE, obj=person, account_id=account.pk, after={"mode": mode})
    return summary


def _replace_in(rows, fields: tuple[str, ...], names: dict[str, str]) -> int:
    """Replace each name in ``fields`` of ``rows``; the number of rows changed."""
    if not names:
        return 0
    changed = 0
    for row in rows.only("pk", *fields):
        values = {}
        for field in fields:
            value = getattr(row, field) or ""
            new = value
            for old, replacement in names.items():
                new = new.replace(old, replacement)
            if new != value:
                values[field] = new
        if values:
            type(row).objects.filter(pk=row.pk).update(**values)
            changed += 1
    return changed
