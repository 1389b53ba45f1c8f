"""Store an import workbook: preview it against the database, then commit it in one transaction.

Both steps read the file with the pure reader (`dealmap.interchange.xlsx`). The commit checks the
file again inside its transaction, against the database as it is then, and writes nothing unless
every row is clean; a crash or a kill half-way leaves the database as it was (the transaction is
never committed). Accounts are matched by name among the accounts the importing user may see:
their own first, then those they may edit (an edit share; an administrator: any); a name that only
matches a view-only account is a row problem, and accounts the user may not see are never looked
at (the name creates a new account of the user's). Deals and people are matched by name within
their account (people by their ID when the file gives one). Every created or updated object gets an
audit entry, and every affected account one ``import`` entry with the file name and the counts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone

from dealmap.interchange.xlsx import ImportFailed, Known, Plan, Progress, Row, Source, records, scan
from dealmap.method.codes import RESEARCH_QUESTIONS
from dealmap.web.accounts import services as accounts_services
from dealmap.web.accounts.models import Account, Person, Relation
from dealmap.web.audit.models import Action, AuditEntry
from dealmap.web.audit.services import audit_entry, snapshot
from dealmap.web.deals import services as deals_services
from dealmap.web.deals.models import Assessment, Deal, Interaction, InteractionParticipant, Part

BATCH = 1_000


#: The fields of a stored person the import may change: those the deal page edits, but reports-to
#: (compared by :meth:`OwnerKnown.boss_changes`, as it names a person).
PERSON_FIELDS = tuple(f for f in accounts_services.PERSON_FIELDS if f != "reports_to")
#: The fields of a stored deal part the import may change: those the deal page edits, and the
#: competitor affinity (a workbook column the page does not edit).
PART_FIELDS = (*deals_services.PART_FIELDS, "competitor_affinity")
#: The fields of a stored relation the import may change.
RELATION_FIELDS = ("strength",)


def _stored_parts(deal: Deal) -> dict[str, Any]:
    """The deal's parts by person key, with the fields an import may change."""
    rows = deal.parts.order_by("id").values_list("person__key", *PART_FIELDS, named=True)
    return {row.person__key: row for row in rows}


def _stored_assessments(deal: Deal) -> set[tuple]:
    """The deal's assessments as the check compares them: (person key, date, level, evidence, signals)."""
    return {
        (a.person.key, a.date, a.level, a.evidence, tuple(a.signals))
        for a in deal.assessments.select_related("person")
    }


def _stored_interactions(deal: Deal) -> set[tuple]:
    """The deal's interactions as the check compares them: (date, person keys in order, channel,
    summary, trust delta, signals)."""
    stored = set()
    for i in deal.interactions.prefetch_related("participations__person"):
        keys = tuple(p.person.key for p in sorted(i.participations.all(), key=lambda p: (p.position, p.id)))
        stored.add((i.date, keys, i.channel, i.summary, i.trust_delta, tuple(i.signals)))
    return stored


class OwnerKnown(Known):
    """What ``owner`` may change, looked up lazily and cached per account name.

    Only accounts visible to ``owner`` are ever queried; of those with the file's name, the user's
    own account wins, then one they may edit; a name matching only view-only accounts is
    read-only (the scan reports it and nothing of that account is looked at further).
    """

    def today(self):
        from dealmap.web.core import clock

        return clock.today()

    def __init__(self, owner):
        self.owner = owner
        self._accounts: dict[str, Account | None] = {}
        self._read_only: set[str] = set()
        self._ambiguous: set[str] = set()
        self._deals: dict[int, dict[str, Deal]] = {}
        self._people: dict[int, dict[str, Any]] = {}  # account pk → person key → stored fields
        self._parts: dict[int, dict[str, Any]] = {}  # deal pk → person key → stored part fields
        self._relations: dict[int, dict[tuple[str, str, str], Any]] = {}  # account pk → (keys, kind) → row
        self._assessments: dict[int, set[tuple]] = {}
        self._interactions: dict[int, set[tuple]] = {}

    def account(self, name: str) -> Account | None:
        if name not in self._accounts:
            editable = Account.objects.editable_by(self.owner).filter(pk=OuterRef("pk"))
            found = list(
                Account.objects.visible_to(self.owner)
                .filter(name=name)
                .annotate(may_edit=Exists(editable))
                .order_by("id")
            )
            own = [a for a in found if a.owner_id == self.owner.pk]
            shared = [a for a in found if a.may_edit]
            match = (own or shared or [None])[0]
            if match is None and found:
                self._read_only.add(name)
            if len(own) > 1 or (not own and len(shared) > 1):
                self._ambiguous.add(name)  # which one the row means is unknown: none is matched
                match = None
            self._accounts[name] = match
        return self._accounts[name]

    def account_read_only(self, account: str) -> bool:
        self.account(account)
        return account in self._read_only

    def account_ambiguous(self, account: str) -> bool:
        self.account(account)
        return account in self._ambiguous

    def deal(self, account: str, name: str) -> Deal | None:
        found = self.account(account)
        if found is None:
            return None
        if found.pk not in self._deals:
            deals: dict[str, Deal] = {}
            for deal in found.deals.order_by("id"):
                deals.setdefault(deal.name, deal)
            self._deals[found.pk] = deals
        return self._deals[found.pk].get(name)

    def account_exists(self, account: str) -> bool:
        return self.account(account) is not None

    def deal_exists(self, account: str, deal: str) -> bool:
        return self.deal(account, deal) is not None

    def _stored_people(self, account: str) -> dict[str, Any]:
        """The account's people by key: their id, reports-to id and the fields an import may change."""
        found = self.account(account)
        if found is None:
            return {}
        if found.pk not in self._people:
            rows = found.people.order_by("id").values_list(
                "key", "id", "reports_to_id", *PERSON_FIELDS, named=True
            )
            self._people[found.pk] = {row.key: row for row in rows}
        return self._people[found.pk]

    def people(self, account: str) -> list[tuple[str, str]]:
        return [(key, row.name) for key, row in self._stored_people(account).items()]

    def _of_deal(self, cache: dict[int, set], account: str, deal: str, load) -> set:
        """``load(deal)`` for the stored deal, once per deal; empty when there is no such deal."""
        found = self.deal(account, deal)
        if found is None:
            return set()
        if found.pk not in cache:
            cache[found.pk] = load(found)
        return cache[found.pk]

    def part_exists(self, account: str, deal: str, key: str) -> bool:
        return key in self._of_deal(self._parts, account, deal, _stored_parts)

    def assessment_exists(self, account: str, deal: str, same: tuple) -> bool:
        return same in self._of_deal(self._assessments, account, deal, _stored_assessments)

    def interaction_exists(self, account: str, deal: str, same: tuple) -> bool:
        return same in self._of_deal(self._interactions, account, deal, _stored_interactions)

    def _stored_relations(self, account: str) -> dict[tuple[str, str, str], Any]:
        """The account's relations by (source key, target key, kind): the first stored, as the commit's."""
        found = self.account(account)
        if found is None:
            return {}
        if found.pk not in self._relations:
            stored: dict[tuple[str, str, str], Any] = {}
            rows = found.relations.order_by("id").values_list(
                "source__key", "target__key", "kind", *RELATION_FIELDS, named=True
            )
            for row in rows:
                stored.setdefault((row.source__key, row.target__key, row.kind), row)
            self._relations[found.pk] = stored
        return self._relations[found.pk]

    def relation_exists(self, account: str, source: str, target: str, kind: str) -> bool:
        return (source, target, kind) in self._stored_relations(account)

    # -- would a matched row change a stored value? As the commit decides it: same fields, same test.

    def account_changes(self, account: str, values: dict) -> bool:
        return bool(_differing(self.account(account), _account_fields(values)))

    def deal_changes(self, account: str, deal: str, values: dict) -> bool:
        return bool(_differing(self.deal(account, deal), _deal_fields(values)))

    def person_changes(self, account: str, key: str, values: dict) -> bool:
        return bool(_differing(self._stored_people(account)[key], _person_fields(values)))

    def boss_changes(self, account: str, key: str, boss: str | None) -> bool:
        people = self._stored_people(account)
        if boss is not None and boss not in people:
            return True  # a person the file creates
        return people[key].reports_to_id != (people[boss].id if boss is not None else None)

    def part_changes(self, account: str, deal: str, key: str, values: dict) -> bool:
        stored = self._of_deal(self._parts, account, deal, _stored_parts)[key]
        return bool(_differing(stored, _part_fields(values)))

    def relation_changes(self, account: str, source: str, target: str, kind: str, values: dict) -> bool:
        stored = self._stored_relations(account)[(source, target, kind)]
        return bool(_differing(stored, _relation_fields(values)))


@dataclass
class ImportResult:
    """What an import did (or, for a preview, would do)."""

    plan: Plan
    committed: bool


def workbook_preview(*, source: Source, owner, progress: Progress | None = None) -> Plan:
    """Check the file against ``owner``'s data: every problem, and what would be created or updated."""
    return scan(source, known=OwnerKnown(owner), progress=progress)


@transaction.atomic
def workbook_import(*, source: Source, owner, progress: Progress | None = None, filename: str = "") -> Plan:
    """Store the file for ``owner`` in one transaction; raise ImportFailed (nothing stored) on any problem.

    Audited like every write: an entry per created or updated object, and per affected account an
    ``import`` entry naming ``filename`` with what the file created and changed there.
    """
    known = OwnerKnown(owner)
    plan = scan(source, known=known, progress=progress)
    if not plan.ok:
        raise ImportFailed(plan.issues)
    writer = _Writer(owner=owner, plan=plan, known=known, filename=filename)
    for row in records(source, plan, _committing(progress)):
        writer.write(row)
    writer.finish()
    touched = Deal.objects.filter(pk__in=writer.deal_accounts).select_related("account").order_by("pk")
    plan.deals = [(deal.pk, deal.account.name, deal.name) for deal in touched]
    return plan


def _committing(progress: Progress | None) -> Progress | None:
    if progress is None:
        return None
    return lambda sheet, done, total: progress(f"commit:{sheet}", done, total)


def _differing(stored, fields: dict[str, Any]) -> list[str]:
    """The names of ``fields`` whose value differs from ``stored``'s (a model or a stored row).

    The one test of "would this row change a stored value", for the commit and for the preview.
    """
    return [name for name, value in fields.items() if getattr(stored, name) != value]


def _changed(obj, fields: dict[str, Any]) -> tuple[list[str], dict[str, Any]]:
    """Set ``fields`` on ``obj``: the names that changed and a snapshot of their values before."""
    changed = _differing(obj, fields)
    before = snapshot(obj, changed) if changed else {}
    for name in changed:
        setattr(obj, name, fields[name])
    return changed, before


class _Writer:
    """Applies clean rows in the layout's order, batching inserts."""

    def __init__(self, *, owner, plan: Plan, known: OwnerKnown, filename: str = ""):
        self.owner, self.plan, self.known, self.filename = owner, plan, known, filename
        self.entries: list[AuditEntry] = []
        self.tally: dict[int, dict[str, list[int]]] = {}  # account pk → sheet → [created, updated]
        self.now = timezone.now()
        self.accounts: dict[str, Account] = {}
        self.deals: dict[tuple[str, str], Deal] = {}
        self.person_ids: dict[int, dict[str, int]] = {}  # account pk → key → person pk
        self.bosses: list[tuple[int, str, str, str]] = []  # (account pk, account, key, boss reference)
        self.new_people: list[Person] = []
        self.new_parts: list[Part] = []
        self.new_assessments: list[Assessment] = []
        self.new_interactions: list[tuple[Interaction, list[int]]] = []
        self.seen_assessments: dict[int, set[tuple]] = {}
        self.seen_interactions: dict[int, set[tuple]] = {}
        self.deal_accounts: dict[int, int] = {}  # deal pk → account pk
        self.stage = "accounts"

    def write(self, row: Row) -> None:
        if row.sheet != self.stage:
            self.flush()
            if self.stage == "people":
                self.link_bosses()
            self.stage = row.sheet
        getattr(self, f"row_{row.sheet}")(row)

    def finish(self) -> None:
        self.flush()
        self.link_bosses()
        for account_pk, sheets in self.tally.items():
            counts = {sheet: {"created": c, "updated": u} for sheet, (c, u) in sheets.items()}
            self.entries.append(
                audit_entry(
                    actor=self.owner,
                    action=Action.IMPORT,
                    obj=Account(pk=account_pk),
                    account_id=account_pk,
                    after={"file": self.filename, "counts": counts},
                )
            )
        self.flush_audit()

    # -- the audit trail ---------------------------------------------------------------------------

    def audit(
        self, obj, account_id: int, sheet: str, before: dict | None = None, after: dict | None = None
    ) -> None:
        """Record a created (``before`` None) or updated object; stored in batches of BATCH.

        ``after`` defaults to the object's snapshot (a creation) or its fields named in ``before``.
        """
        sheets = self.tally.setdefault(account_id, {})
        counts = sheets.setdefault(sheet, [0, 0])
        if before is None:
            counts[0] += 1
            entry = audit_entry(
                actor=self.owner,
                action=Action.CREATE,
                obj=obj,
                account_id=account_id,
                after=after if after is not None else snapshot(obj),
            )
        else:
            counts[1] += 1
            after = after if after is not None else snapshot(obj, before)
            entry = audit_entry(
                actor=self.owner,
                action=Action.UPDATE,
                obj=obj,
                account_id=account_id,
                before=before,
                after=after,
            )
        self.entries.append(entry)
        if len(self.entries) >= BATCH:
            self.flush_audit()

    def flush_audit(self) -> None:
        if self.entries:
            AuditEntry.objects.bulk_create(self.entries, batch_size=BATCH)
            self.entries = []

    def flush(self) -> None:
        if self.new_people:
            created = Person.objects.bulk_create(self.new_people, batch_size=BATCH)
            for person in created:
                self.person_ids[person.account_id][person.key] = person.pk
                self.audit(person, person.account_id, "people")
            self.new_people = []
        if self.new_parts:
            for part in Part.objects.bulk_create(self.new_parts, batch_size=BATCH):
                self.audit(part, self._account_of(part.deal_id), "parts")
            self.new_parts = []
        if self.new_assessments:
            for item in Assessment.objects.bulk_create(self.new_assessments, batch_size=BATCH):
                self.audit(item, self._account_of(item.deal_id), "assessments")
            self.new_assessments = []
        if self.new_interactions:
            rows = Interaction.objects.bulk_create([i for i, _ in self.new_interactions], batch_size=BATCH)
            InteractionParticipant.objects.bulk_create(
                (
                    InteractionParticipant(interaction=row, person_id=pid, position=n)
                    for row, (_, people) in zip(rows, self.new_interactions, strict=True)
                    for n, pid in enumerate(people)
                ),
                batch_size=BATCH,
            )
            for row, (_, people) in zip(rows, self.new_interactions, strict=True):
                after = snapshot(row) | {"participants": people}
                self.audit(row, self._account_of(row.deal_id), "interactions", after=after)
            self.new_interactions = []
        self.flush_audit()

    def _account_of(self, deal_pk: int) -> int:
        return self.deal_accounts[deal_pk]

    # -- look-ups ---------------------------------------------------------------------------

    def account(self, name: str) -> Account:
        found = self.accounts.get(name) or self.known.account(name)
        assert found is not None, name
        return found

    def deal(self, account: str, name: str) -> Deal:
        found = self.deals.get((account, name)) or self.known.deal(account, name)
        assert found is not None, (account, name)
        self.deal_accounts[found.pk] = found.account_id
        return found

    def ids(self, account: Account) -> dict[str, int]:
        if account.pk not in self.person_ids:
            self.person_ids[account.pk] = dict(account.people.values_list("key", "pk"))
        return self.person_ids[account.pk]

    def person(self, account_name: str, reference: str) -> int:
        if self.new_people:
            self.flush()
        return self.ids(self.account(account_name))[self.plan.resolve(account_name, reference)]

    # -- one method per sheet -------------------------------------------------------------------

    def row_accounts(self, row: Row) -> None:
        v = row.values
        fields = _account_fields(v)
        account = self.known.account(v["account"])
        if account is None:
            account = Account.objects.create(owner=self.owner, name=v["account"], **fields)
            self.audit(account, account.pk, "accounts")
        else:
            changed, before = _changed(account, fields)
            if changed:
                account.version = F("version") + 1
                account.save(update_fields=[*changed, "version", "updated_at"])
                account.refresh_from_db(fields=["version"])
                self.audit(account, account.pk, "accounts", before)
        self.accounts[v["account"]] = account

    def row_deals(self, row: Row) -> None:
        v = row.values
        account = self.account(v["account"])
        fields = _deal_fields(v)
        deal = self.known.deal(v["account"], v["deal"])
        if deal is None:
            deal = Deal.objects.create(account=account, name=v["deal"], **fields)
            self.audit(deal, account.pk, "deals")
        else:
            changed, before = _changed(deal, fields)
            if changed:
                deal.version += 1
                deal.save(update_fields=[*changed, "version", "updated_at"])
                self.audit(deal, account.pk, "deals", before)
        self.deals[(v["account"], v["deal"])] = deal
        self.deal_accounts[deal.pk] = account.pk

    def row_people(self, row: Row) -> None:
        v = row.values
        account = self.account(v["account"])
        key = self.plan.person_key(v["account"], v.get("id", ""), v["name"])
        fields = _person_fields(v)
        ids = self.ids(account)
        if key in ids:
            person = Person.objects.get(pk=ids[key])
            changed, before = _changed(person, fields)
            if changed:
                person.version += 1
                person.save(update_fields=[*changed, "version", "updated_at"])
                self.audit(person, account.pk, "people", before)
        else:
            self.new_people.append(Person(account=account, key=key, **fields))
            if len(self.new_people) >= BATCH:
                self.flush()
        if "reports_to" in v:
            self.bosses.append((account.pk, v["account"], key, v["reports_to"]))

    def link_bosses(self) -> None:
        """Set every reports-to once all people of the file exist (a boss may come later in the sheet)."""
        self.flush()
        for start in range(0, len(self.bosses), BATCH):
            links: dict[int, tuple[int, int | None]] = {}  # person pk → (account pk, boss pk)
            for account_pk, account_name, key, reference in self.bosses[start : start + BATCH]:
                ids = self.person_ids[account_pk]
                boss = ids[self.plan.resolve(account_name, reference)] if reference else None
                links[ids[key]] = (account_pk, boss)
            stored = Person.objects.filter(pk__in=links).values_list("pk", "reports_to_id")
            for pk, old in list(stored):
                account_pk, boss = links[pk]
                if old == boss:
                    continue
                # A new line is a change like any other: the version moves on, so an edit made
                # from before the import is refused instead of silently undoing it.
                Person.objects.filter(pk=pk).update(
                    reports_to_id=boss, version=F("version") + 1, updated_at=timezone.now()
                )
                self.audit(
                    Person(pk=pk, account_id=account_pk),
                    account_pk,
                    "reports_to",
                    before={"reports_to_id": old},
                    after={"reports_to_id": boss},
                )
        self.bosses = []
        self.flush_audit()

    def row_parts(self, row: Row) -> None:
        v = row.values
        deal = self.deal(v["account"], v["deal"])
        person = self.person(v["account"], v["person"])
        fields = _part_fields(v)
        part = Part.objects.filter(deal=deal, person_id=person).first()
        if part is None:
            self.new_parts.append(Part(deal=deal, person_id=person, **fields))
            if len(self.new_parts) >= BATCH:
                self.flush()
        else:
            changed, before = _changed(part, fields)
            if changed:
                part.version += 1
                part.save(update_fields=[*changed, "version", "updated_at"])
                self.audit(part, deal.account_id, "parts", before)

    def row_relations(self, row: Row) -> None:
        v = row.values
        account = self.account(v["account"])
        source = self.person(v["account"], v["source"])
        target = self.person(v["account"], v["target"])
        fields = _relation_fields(v)
        relation = (
            Relation.objects.filter(account=account, source_id=source, target_id=target, kind=v["kind"])
            .order_by("id")
            .first()
        )
        if relation is None:
            relation = Relation.objects.create(
                account=account, source_id=source, target_id=target, kind=v["kind"], **fields
            )
            self.audit(relation, account.pk, "relations")
        else:
            changed, before = _changed(relation, fields)
            if changed:
                Relation.objects.filter(pk=relation.pk).update(**{name: fields[name] for name in changed})
                self.audit(relation, account.pk, "relations", before)

    def row_assessments(self, row: Row) -> None:
        v = row.values
        deal = self.deal(v["account"], v["deal"])
        person = self.person(v["account"], v["person"])
        signals = list(v.get("signals", ()))
        seen = self._seen_assessments(deal)
        same = (person, v["date"], v["level"], v.get("evidence", ""), tuple(signals))
        if same in seen:  # importing a file twice does not record its history twice
            return
        seen.add(same)
        self.new_assessments.append(
            Assessment(
                deal=deal,
                person_id=person,
                date=v["date"],
                level=v["level"],
                evidence=v.get("evidence", ""),
                signals=signals,
                recorded_by=self.owner,
                recorded_at=self.now,
            )
        )
        if len(self.new_assessments) >= BATCH:
            self.flush()

    def _seen_assessments(self, deal: Deal) -> set[tuple]:
        if deal.pk not in self.seen_assessments:
            self.seen_assessments[deal.pk] = {
                (a.person_id, a.date, a.level, a.evidence, tuple(a.signals)) for a in deal.assessments.all()
            }
        return self.seen_assessments[deal.pk]

    def row_interactions(self, row: Row) -> None:
        v = row.values
        deal = self.deal(v["account"], v["deal"])
        people = list(dict.fromkeys(self.person(v["account"], r) for r in v["participants"]))
        signals = list(v.get("signals", ()))
        fields = {
            "channel": v.get("channel", ""),
            "summary": v.get("summary", ""),
            "trust_delta": v.get("trust_delta"),
        }
        seen = self._seen_interactions(deal)
        same = (v["date"], tuple(people), *fields.values(), tuple(signals))
        if same in seen:
            return
        seen.add(same)
        item = Interaction(
            deal=deal, date=v["date"], signals=signals, recorded_by=self.owner, recorded_at=self.now, **fields
        )
        self.new_interactions.append((item, people))
        if len(self.new_interactions) >= BATCH:
            self.flush()

    def _seen_interactions(self, deal: Deal) -> set[tuple]:
        if deal.pk not in self.seen_interactions:
            seen = set()
            for i in deal.interactions.prefetch_related("participations"):
                people = tuple(
                    p.person_id for p in sorted(i.participations.all(), key=lambda p: (p.position, p.id))
                )
                seen.add((i.date, people, i.channel, i.summary, i.trust_delta, tuple(i.signals)))
            self.seen_interactions[deal.pk] = seen
        return self.seen_interactions[deal.pk]


# -- what a row writes: one builder per sheet, for the commit and for the preview's comparison ----------
# Only the file's columns are written (an empty cell clears its field); values as the database holds them.


def _account_fields(v: dict[str, Any]) -> dict[str, Any]:
    return {name: v[name] for name in ("industry", "notes") if name in v}


def _person_fields(v: dict[str, Any]) -> dict[str, Any]:
    fields = {"name": v["name"]}
    for name in ("title", "notes"):
        if name in v:
            fields[name] = v[name]
    for name in ("layer", "department", "personal_need", "change_style"):
        if name in v:
            fields[name] = v[name] or ""
    return fields


def _part_fields(v: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {"buying_role": v["buying_role"]}
    for name in ("power", "authority", "personal_wins", "objection_text", "is_coach"):
        if name in v:
            fields[name] = v[name]
    if "objection_kind" in v:
        fields["objection_kind"] = v["objection_kind"] or ""
    if "competitor_affinity" in v:
        fields["competitor_affinity"] = [
            {"competitor": n, "strength": s} for n, s in v["competitor_affinity"]
        ]
    return fields


def _relation_fields(v: dict[str, Any]) -> dict[str, Any]:
    return {"strength": v["strength"]} if "strength" in v else {}


def _deal_fields(v: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name in ("stage", "expected_close", "we_are_incumbent"):
        if name in v:
            fields[name] = v[name]
    if "currency" in v:
        fields["currency"] = v["currency"] or "CNY"
    if "amount" in v:
        amount = v["amount"]
        fields["amount"] = None if amount is None else Decimal(str(amount)).quantize(Decimal("0.01"))
    if "competitors" in v:
        fields["competitors"] = list(v["competitors"])
    for code in RESEARCH_QUESTIONS.codes:
        if f"research_{code}" in v:
            fields[f"research_{code}"] = v[f"research_{code}"]
    return fields


def group_by_sheet(plan: Plan) -> dict[str, list]:
    """The plan's problems grouped by sheet key, in the layout's order."""
    out: dict[str, list] = defaultdict(list)
    for issue in plan.issues:
        out[issue.sheet].append(issue)
    return dict(out)
