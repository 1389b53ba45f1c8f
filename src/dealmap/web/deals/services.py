"""Writes for deals: import a whole deal, record assessments and interactions.

Every write takes keyword-only arguments and runs in one transaction. Assessments are only
ever added: there is deliberately no service that changes or deletes one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dealmap.engine import model
from dealmap.interchange import amounts
from dealmap.interchange.dealfile import DealFileError, Problem
from dealmap.interchange.xlsx_check import FUTURE_DAY
from dealmap.interchange.xlsx_read import MAX_NAME_CHARS, MAX_TEXT_CHARS
from dealmap.method import codes
from dealmap.method.codes import Text
from dealmap.web.accounts.models import Account, Person, Relation
from dealmap.web.accounts.services import (
    account_name_free,
    free_name,
    lock_account,
    lock_owner,
    lock_people,
)
from dealmap.web.audit.models import AuditEntry
from dealmap.web.audit.services import audit_entry, audit_record, snapshot
from dealmap.web.core import clock
from dealmap.web.core.conflicts import versioned_update
from dealmap.web.deals.models import Assessment, Deal, Interaction, InteractionParticipant, Part

#: Every amount is below this, with at most 2 decimals: what SQLite (a double, 15 significant digits)
#: and PostgreSQL (DECIMAL(18, 2)) both hold exactly; see ``dealmap.interchange.amounts``.
AMOUNT_LIMIT = Decimal(amounts.AMOUNT_LIMIT)


def _too_long(limit: int) -> Text:
    return Text(f"不能超过 {limit} 个字符", f"must be at most {limit} characters")


HAS_NUL = Text("含有空字符（\\x00），无法保存", "contains a NUL character (\\x00), which cannot be stored")


def _max(model_class, field: str) -> int:
    return model_class._meta.get_field(field).max_length


def storage_problems(deal: model.Deal, *, today: date | None = None) -> list[Problem]:
    """What a valid deal file may hold but the database cannot (over-long names, huge amounts, NUL
    characters), or an Excel export could not give back: free text (notes, evidence, summaries,
    research answers) over ``MAX_TEXT_CHARS``, a competitor's name over ``MAX_NAME_CHARS`` — the
    web forms and the API take no more either."""
    problems: list[Problem] = []

    def check(path: str, value: str, limit: int = MAX_TEXT_CHARS) -> None:
        if "\x00" in value:
            problems.append(Problem(path, HAS_NUL))
        elif len(value) > limit:
            problems.append(Problem(path, _too_long(limit)))

    check("account.name", deal.account.name, _max(Account, "name"))
    check("account.industry", deal.account.industry, _max(Account, "industry"))
    check("account.notes", deal.account.notes)
    o = deal.opportunity
    for key in ("name", "stage", "currency"):
        check(f"opportunity.{key}", getattr(o, key), _max(Deal, key))
    if o.amount is not None and (problem := amounts.amount_problem(o.amount)) is not None:
        problems.append(Problem("opportunity.amount", problem))
    for j, competitor in enumerate(o.competitors):
        check(f"opportunity.competitors[{j}]", competitor, MAX_NAME_CHARS)
    for code in codes.RESEARCH_QUESTIONS.codes:
        check(f"opportunity.research.{code}", getattr(o.research, code))
    for i, person in enumerate(deal.stakeholders):
        where = f"stakeholders[{i}]"
        check(f"{where}.id", person.id, _max(Person, "key"))
        for key in ("name", "title"):
            check(f"{where}.{key}", getattr(person, key), _max(Person, key))
        for key in ("personal_wins", "notes"):
            check(f"{where}.{key}", getattr(person, key))
        if person.objection is not None:
            check(f"{where}.objection.text", person.objection.text)
        for j, affinity in enumerate(person.competitor_affinity):
            check(f"{where}.competitor_affinity[{j}].competitor", affinity.competitor, MAX_NAME_CHARS)
    today = today or clock.today()
    for i, assessment in enumerate(deal.assessments):
        check(f"assessments[{i}].evidence", assessment.evidence)
        if assessment.date > today:
            problems.append(Problem(f"assessments[{i}].date", FUTURE_DAY))
    for i, interaction in enumerate(deal.interactions):
        check(f"interactions[{i}].channel", interaction.channel, _max(Interaction, "channel"))
        check(f"interactions[{i}].summary", interaction.summary)
        if interaction.date > today:
            problems.append(Problem(f"interactions[{i}].date", FUTURE_DAY))
    return problems


@transaction.atomic
def deal_import(
    *, deal: model.Deal, owner, account: Account | None = None, by=None, today: date | None = None
) -> Deal:
    """Store a validated deal (from ``load_deal``) in one transaction and return the new deal.

    Creates the account, or adds to ``account`` and matches its people by key (updating them
    from the file). ``by`` is who recorded the history (default: ``owner``). Raises
    :class:`DealFileError` when the database cannot hold a value; nothing is stored then.
    """
    problems = storage_problems(deal, today=today)  # ``today``: the demo's, when it is moved to a day
    if problems:
        raise DealFileError(problems)
    recorder = by or owner
    new_account = account is None
    if new_account:  # named apart from the owner's others (a workbook names accounts by name)
        lock_owner(owner)  # two imports of one file at once: "name" and "name (2)", not a clash
        account = Account.objects.create(
            owner=owner,
            name=account_name_free(owner=owner, name=deal.account.name),
            industry=deal.account.industry,
            notes=deal.account.notes,
        )
    entries: list[AuditEntry] = []  # the import's trail, stored together at its end

    def record(obj, action: str = "create", *, before: dict | None = None, after: dict | None = None) -> None:
        """One entry of the trail, as the forms and the workbook import record them: a creation
        with all its fields, an update with the fields in ``before`` (only changed ones are kept)."""
        after = after if after is not None else snapshot(obj, before)
        entries.append(
            audit_entry(
                actor=recorder, action=action, obj=obj, account_id=account.pk, before=before, after=after
            )
        )

    if new_account:
        record(account)
    people = _people_store(account, deal.stakeholders, record)
    relations = _relations_store(account, people, deal.relations)
    name = deal.opportunity.name
    if not new_account:  # into an account that has deals: named apart from them, as accounts are
        lock_account(account)
        name = deal_name_free(account, name)
    stored = _deal_store(account, replace(deal.opportunity, name=name))
    parts = _parts_store(stored, people, deal.stakeholders)
    for obj in (*relations, *parts, *_assessments_store(stored, people, deal.assessments, recorder)):
        record(obj)
    for row, participants in _interactions_store(stored, people, deal.interactions, recorder):
        record(row, after={**snapshot(row), "participants": participants})
    summary = {**snapshot(stored), "people": len(people), "assessments": len(deal.assessments)}
    record(stored, "import", after=summary)
    AuditEntry.objects.bulk_create(entries)
    return stored


def _person_fields(s: model.Stakeholder) -> dict:
    return {
        "name": s.name,
        "title": s.title,
        "layer": s.layer,
        "department": s.department,
        "personal_need": s.personal_need or "",
        "change_style": s.change_style or "",
        "notes": s.notes,
    }


def _people_store(
    account: Account, stakeholders: Sequence[model.Stakeholder], record: Callable[..., None]
) -> dict[str, Person]:
    existing = {p.key: p for p in account.people.all()}
    people: dict[str, Person] = {}
    before: dict[str, dict] = {}  # a stored person's fields as they were, for the trail
    for s in stakeholders:
        person = existing.get(s.id)
        if person is None:
            person = Person.objects.create(account=account, key=s.id, **_person_fields(s))
        else:
            before[s.id] = snapshot(person)
            _person_update(person, _person_fields(s))
        people[s.id] = person
    for s in stakeholders:
        boss = people.get(s.reports_to) if s.reports_to else None
        person = people[s.id]
        if boss is not None and person.reports_to_id != boss.pk:
            person.reports_to = boss
            if s.id in before and person.version == before[s.id]["version"]:
                person.version += 1  # a stored person changed (once a version, as by its form)
            person.save(update_fields=["reports_to", "version", "updated_at"])
    for key, person in people.items():
        if key not in before:
            record(person)
        elif snapshot(person) != before[key]:  # the fields that changed, not the version
            record(person, "update", before={k: v for k, v in before[key].items() if k != "version"})
    return people


def _person_update(person: Person, fields: dict) -> None:
    changed = [name for name, value in fields.items() if getattr(person, name) != value]
    if changed:
        for name in changed:
            setattr(person, name, fields[name])
        person.version += 1
        person.save(update_fields=[*changed, "version", "updated_at"])


def _relations_store(
    account: Account, people: dict[str, Person], relations: Iterable[model.Relation]
) -> None:
    seen = set(account.relations.values_list("source_id", "target_id", "kind"))
    new = []
    for r in relations:
        source, target = people[r.source], people[r.target]
        if (source.pk, target.pk, r.kind) in seen:
            continue
        seen.add((source.pk, target.pk, r.kind))
        new.append(Relation(account=account, source=source, target=target, kind=r.kind, strength=r.strength))
    return Relation.objects.bulk_create(new)


def _deal_store(account: Account, o: model.Opportunity) -> Deal:
    research = {f"research_{code}": getattr(o.research, code) for code in codes.RESEARCH_QUESTIONS.codes}
    return Deal.objects.create(
        account=account,
        name=o.name,
        stage=o.stage,
        amount=None if o.amount is None else Decimal(str(o.amount)).quantize(Decimal("0.01")),
        currency=o.currency,
        expected_close=o.expected_close,
        we_are_incumbent=o.we_are_incumbent,
        competitors=list(o.competitors),
        **research,
    )


def _parts_store(
    deal: Deal, people: dict[str, Person], stakeholders: Iterable[model.Stakeholder]
) -> list[Part]:
    return Part.objects.bulk_create(
        Part(
            deal=deal,
            person=people[s.id],
            buying_role=s.buying_role,
            power=s.power,
            authority=s.authority,
            personal_wins=s.personal_wins,
            objection_kind=s.objection.kind if s.objection else "",
            objection_text=s.objection.text if s.objection else "",
            is_coach=s.is_coach,
            competitor_affinity=[
                {"competitor": a.competitor, "strength": a.strength} for a in s.competitor_affinity
            ],
        )
        for s in stakeholders
    )


def _assessments_store(
    deal: Deal, people: dict[str, Person], assessments: Iterable[model.Assessment], by
) -> list[Assessment]:
    # One timestamp for the whole file: the insertion order (id) then keeps the file's tie-break.
    now = timezone.now()
    return Assessment.objects.bulk_create(
        Assessment(
            deal=deal,
            person=people[a.stakeholder],
            date=a.date,
            level=a.level,
            evidence=a.evidence,
            signals=list(a.signals),
            recorded_by=by,
            recorded_at=now,
        )
        for a in assessments
    )


def _interactions_store(
    deal: Deal, people: dict[str, Person], interactions: Sequence[model.Interaction], by
) -> list[tuple[Interaction, list[int]]]:
    """Store the interactions and their participants; each row with its participants' ids."""
    now = timezone.now()
    rows = Interaction.objects.bulk_create(
        Interaction(
            deal=deal,
            date=i.date,
            channel=i.channel,
            summary=i.summary,
            trust_delta=i.trust_delta,
            signals=list(i.signals),
            recorded_by=by,
            recorded_at=now,
        )
        for i in interactions
    )
    InteractionParticipant.objects.bulk_create(
        InteractionParticipant(interaction=row, person=people[key], position=position)
        for row, i in zip(rows, interactions, strict=True)
        for position, key in enumerate(dict.fromkeys(i.stakeholders))
    )
    return [
        (row, [people[key].pk for key in dict.fromkeys(i.stakeholders)])
        for row, i in zip(rows, interactions, strict=True)
    ]


def _check_signals(signals: Iterable[str]) -> list[str]:
    signals = list(dict.fromkeys(signals))
    unknown = [s for s in signals if s not in codes.SIGNALS]
    if unknown:
        raise ValidationError(
            {"signals": _("Unknown signals: %(signals)s") % {"signals": ", ".join(unknown)}}
        )
    return signals


def _check_in_deal(deal: Deal, person: Person, path: str = "person") -> None:
    if not deal.parts.filter(person=person).exists():
        message = _("%(name)s has no part in this deal: add them to its buying group first.")
        raise ValidationError({path: message % {"name": person.name}})


@transaction.atomic
def assessment_record(
    *,
    deal: Deal,
    person: Person,
    date: date,
    level: int,
    by,
    evidence: str = "",
    signals: Iterable[str] = (),
) -> Assessment:
    """Add an assessment of ``person``'s attitude in ``deal``. History is kept: nothing is overwritten."""
    lock_people([person.pk])  # a person deleted meanwhile has no part left: refused below
    _check_in_deal(deal, person)
    assessment = Assessment(
        deal=deal,
        person=person,
        date=date,
        level=level,
        evidence=evidence,
        signals=_check_signals(signals),
        recorded_by=by,
    )
    assessment.full_clean()
    assessment.save()
    audit_record(
        actor=by, action="create", obj=assessment, account_id=deal.account_id, after=snapshot(assessment)
    )
    return assessment


@transaction.atomic
def interaction_record(
    *,
    deal: Deal,
    date: date,
    participants: Sequence[Person],
    by,
    channel: str = "",
    summary: str = "",
    trust_delta: int | None = None,
    signals: Iterable[str] = (),
) -> Interaction:
    """Add an interaction of ``deal`` with the people who took part, in the order given."""
    if not participants:
        raise ValidationError({"participants": _("An interaction needs at least one participant.")})
    lock_people([p.pk for p in participants])  # see accounts.services.person_remove
    for i, person in enumerate(participants):
        _check_in_deal(deal, person, f"participants.{i}")
    interaction = Interaction(
        deal=deal,
        date=date,
        channel=channel,
        summary=summary,
        trust_delta=trust_delta,
        signals=_check_signals(signals),
        recorded_by=by,
    )
    interaction.full_clean()
    interaction.save()
    InteractionParticipant.objects.bulk_create(
        InteractionParticipant(interaction=interaction, person=person, position=position)
        for position, person in enumerate(dict.fromkeys(participants))
    )
    after = {**snapshot(interaction), "participants": [p.pk for p in dict.fromkeys(participants)]}
    audit_record(actor=by, action="create", obj=interaction, account_id=deal.account_id, after=after)
    return interaction


#: The fields of a person's part in a deal that the deal page edits.
PART_FIELDS = (
    "buying_role",
    "power",
    "authority",
    "personal_wins",
    "objection_kind",
    "objection_text",
    "is_coach",
)


@transaction.atomic
def part_update(*, part: Part, version: int, by=None, **fields) -> Part:
    """Change a person's part in a deal (role, power, wins, objection, coach flag, leanings toward
    competitors). ``version`` is the part's version the user saw; raises ``Conflict`` if it
    changed since.
    """
    unknown = set(fields) - {*PART_FIELDS, "competitor_affinity"}
    if unknown:
        raise ValueError(f"Not editable on a part: {', '.join(sorted(unknown))}")
    return versioned_update(part, version=version, fields=fields, by=by)


@transaction.atomic
def research_update(*, deal: Deal, version: int, answers: dict[str, str], by=None) -> Deal:
    """Change some of the seven needs-research answers (ch4) of ``deal``.

    ``answers`` maps question codes to answers; raises ``Conflict`` if the deal changed since ``version``.
    """
    unknown = set(answers) - set(codes.RESEARCH_QUESTIONS.codes)
    if unknown:
        raise ValueError(f"Unknown research questions: {', '.join(sorted(unknown))}")
    fields = {f"research_{code}": answer.strip() for code, answer in answers.items()}
    return versioned_update(deal, version=version, fields=fields, by=by)


#: The fields of a deal its editors change (the research answers too, as ``research_<code>``).
DEAL_FIELDS = (
    "name",
    "stage",
    "amount",
    "currency",
    "expected_close",
    "we_are_incumbent",
    "competitors",
    *(f"research_{code}" for code in codes.RESEARCH_QUESTIONS.codes),
)


class DealNameTaken(ValueError):
    """The account has a deal of that name already: a workbook names deals by name within their
    account, so two of them could not be told apart on re-import (nor by a seller in a list)."""

    path = "name"

    def __init__(self, name: str):
        super().__init__(
            _("This account already has a deal called “%(name)s”; choose another name.") % {"name": name}
        )


def deal_name_free(account: Account, name: str) -> str:
    """``name``, or "name (2)", "name (3)"… — the first the account has no deal called."""
    return free_name(
        name,
        taken=lambda candidate: Deal.objects.filter(account=account, name=candidate).exists(),
        max_length=Deal._meta.get_field("name").max_length,
    )


def _check_deal_name(account: Account, name: str, other_than: Deal | None = None) -> None:
    lock_account(account)
    found = Deal.objects.filter(account=account, name=name)
    if other_than is not None:
        found = found.exclude(pk=other_than.pk)
    if found.exists():
        raise DealNameTaken(name)


@transaction.atomic
def deal_create(*, account: Account, name: str, by, **fields) -> Deal:
    """A new deal at ``account`` (its research answers empty until filled in); its name is not
    one the account's other deals have (:class:`DealNameTaken`)."""
    unknown = set(fields) - set(DEAL_FIELDS)
    if unknown:
        raise ValueError(f"Not a deal field: {', '.join(sorted(unknown))}")
    _check_deal_name(account, name)
    deal = Deal(account=account, name=name, **fields)
    deal.full_clean()
    deal.save()
    audit_record(actor=by, action="create", obj=deal, account_id=account.pk, after=snapshot(deal))
    return deal


@transaction.atomic
def deal_update(*, deal: Deal, version: int, by, **fields) -> Deal:
    """Change a deal's facts or research answers; Conflict if it changed since ``version``."""
    unknown = set(fields) - set(DEAL_FIELDS)
    if unknown:
        raise ValueError(f"Not editable on a deal: {', '.join(sorted(unknown))}")
    if deal.version == version and "name" in fields and fields["name"] != deal.name:
        _check_deal_name(deal.account, fields["name"], other_than=deal)
    return versioned_update(deal, version=version, fields=fields, by=by)


@transaction.atomic
def deal_delete(*, deal: Deal, by) -> None:
    """Delete a deal with its parts and history (the audit trail keeps the record of it)."""
    audit_record(actor=by, action="delete", obj=deal, account_id=deal.account_id, before=snapshot(deal))
    deal.delete()


@transaction.atomic
def part_create(*, deal: Deal, person: Person, buying_role: str, by, **fields) -> Part:
    """Put ``person`` (of the deal's account) into the deal's buying group."""
    if person.account_id != deal.account_id:
        raise ValidationError({"person": _("The person works at another account.")})
    if Part.objects.filter(deal=deal, person=person).exists():
        raise ValidationError(
            {"person": _("%(name)s has a part in this deal already.") % {"name": person.name}}
        )
    unknown = set(fields) - {*PART_FIELDS, "competitor_affinity"}
    if unknown:
        raise ValueError(f"Not a part field: {', '.join(sorted(unknown))}")
    part = Part(deal=deal, person=person, buying_role=buying_role, **fields)
    part.full_clean()
    part.save()
    audit_record(actor=by, action="create", obj=part, account_id=deal.account_id, after=snapshot(part))
    return part


@transaction.atomic
def part_delete(*, part: Part, by) -> None:
    """Take a person out of a deal's buying group (their assessments in it stay)."""
    audit_record(actor=by, action="delete", obj=part, account_id=part.deal.account_id, before=snapshot(part))
    part.delete()
