"""Store an import workbook: preview it against the database, then commit it in one transaction.

Both steps read the file with the pure reader (`dealmap.interchange.xlsx`). The commit checks the
file again inside its transaction, against the database as it is then, and writes nothing unless
every row is clean; a crash or a kill half-way leaves the database as it was (the transaction is
never committed). Accounts are matched by name among the owner's accounts, deals and people by name
within their account (people by their ID when the file gives one).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from dealmap.interchange.xlsx import ImportFailed, Known, Plan, Progress, Row, Source, records, scan
from dealmap.method.codes import RESEARCH_QUESTIONS
from dealmap.web.accounts.models import Account, Person, Relation
from dealmap.web.deals.models import Assessment, Deal, Interaction, InteractionParticipant, Part

BATCH = 1_000


class OwnerKnown(Known):
    """What ``owner`` already has, looked up lazily and cached per account."""

    def __init__(self, owner):
        self.owner = owner
        self._accounts: dict[str, Account] | None = None
        self._deals: dict[int, dict[str, Deal]] = {}
        self._people: dict[int, list[tuple[str, str]]] = {}
        self._parts: dict[int, set[str]] = {}
        self._relations: dict[int, set[tuple[str, str, str]]] = {}

    def account(self, name: str) -> Account | None:
        if self._accounts is None:
            self._accounts = {}
            for account in Account.objects.filter(owner=self.owner).order_by("id"):
                self._accounts.setdefault(account.name, account)
        return self._accounts.get(name)

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

    def people(self, account: str) -> list[tuple[str, str]]:
        found = self.account(account)
        if found is None:
            return []
        if found.pk not in self._people:
            self._people[found.pk] = list(found.people.order_by("id").values_list("key", "name"))
        return self._people[found.pk]

    def part_exists(self, account: str, deal: str, key: str) -> bool:
        found = self.deal(account, deal)
        if found is None:
            return False
        if found.pk not in self._parts:
            self._parts[found.pk] = set(found.parts.values_list("person__key", flat=True))
        return key in self._parts[found.pk]

    def relation_exists(self, account: str, source: str, target: str, kind: str) -> bool:
        found = self.account(account)
        if found is None:
            return False
        if found.pk not in self._relations:
            self._relations[found.pk] = set(found.relations.values_list("source__key", "target__key", "kind"))
        return (source, target, kind) in self._relations[found.pk]


@dataclass
class ImportResult:
    """What an import did (or, for a preview, would do)."""

    plan: Plan
    committed: bool


def workbook_preview(*, source: Source, owner, progress: Progress | None = None) -> Plan:
    """Check the file against ``owner``'s data: every problem, and what would be created or updated."""
    return scan(source, known=OwnerKnown(owner), progress=progress)


@transaction.atomic
def workbook_import(*, source: Source, owner, progress: Progress | None = None) -> Plan:
    """Store the file for ``owner`` in one transaction; raise ImportFailed (nothing stored) on any problem."""
    known = OwnerKnown(owner)
    plan = scan(source, known=known, progress=progress)
    if not plan.ok:
        raise ImportFailed(plan.issues)
    writer = _Writer(owner=owner, plan=plan, known=known)
    for row in records(source, plan, _committing(progress)):
        writer.write(row)
    writer.finish()
    return plan


def _committing(progress: Progress | None) -> Progress | None:
    if progress is None:
        return None
    return lambda sheet, done, total: progress(f"commit:{sheet}", done, total)


def _changed(obj, fields: dict[str, Any]) -> list[str]:
    changed = [name for name, value in fields.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, fields[name])
    return changed


class _Writer:
    """Applies clean rows in the layout's order, batching inserts."""

    def __init__(self, *, owner, plan: Plan, known: OwnerKnown):
        self.owner, self.plan, self.known = owner, plan, known
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

    def flush(self) -> None:
        if self.new_people:
            created = Person.objects.bulk_create(self.new_people, batch_size=BATCH)
            for person in created:
                self.person_ids[person.account_id][person.key] = person.pk
            self.new_people = []
        if self.new_parts:
            Part.objects.bulk_create(self.new_parts, batch_size=BATCH)
            self.new_parts = []
        if self.new_assessments:
            Assessment.objects.bulk_create(self.new_assessments, batch_size=BATCH)
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
            self.new_interactions = []

    # -- look-ups ---------------------------------------------------------------------------

    def account(self, name: str) -> Account:
        found = self.accounts.get(name) or self.known.account(name)
        assert found is not None, name
        return found

    def deal(self, account: str, name: str) -> Deal:
        found = self.deals.get((account, name)) or self.known.deal(account, name)
        assert found is not None, (account, name)
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
        fields = {k: v[k] for k in ("industry", "notes") if k in v}
        account = self.known.account(v["account"])
        if account is None:
            account = Account.objects.create(owner=self.owner, name=v["account"], **fields)
        elif changed := _changed(account, fields):
            account.version = F("version") + 1
            account.save(update_fields=[*changed, "version", "updated_at"])
            account.refresh_from_db(fields=["version"])
        self.accounts[v["account"]] = account

    def row_deals(self, row: Row) -> None:
        v = row.values
        account = self.account(v["account"])
        fields = _deal_fields(v)
        deal = self.known.deal(v["account"], v["deal"])
        if deal is None:
            deal = Deal.objects.create(account=account, name=v["deal"], **fields)
        elif changed := _changed(deal, fields):
            deal.version += 1
            deal.save(update_fields=[*changed, "version", "updated_at"])
        self.deals[(v["account"], v["deal"])] = deal

    def row_people(self, row: Row) -> None:
        v = row.values
        account = self.account(v["account"])
        key = self.plan.person_key(v["account"], v.get("id", ""), v["name"])
        fields = {"name": v["name"]}
        for name in ("title", "notes"):
            if name in v:
                fields[name] = v[name]
        for name in ("layer", "department", "personal_need", "change_style"):
            if name in v:
                fields[name] = v[name] or ""
        ids = self.ids(account)
        if key in ids:
            person = Person.objects.get(pk=ids[key])
            if changed := _changed(person, fields):
                person.version += 1
                person.save(update_fields=[*changed, "version", "updated_at"])
        else:
            self.new_people.append(Person(account=account, key=key, **fields))
            if len(self.new_people) >= BATCH:
                self.flush()
        if "reports_to" in v:
            self.bosses.append((account.pk, v["account"], key, v["reports_to"]))

    def link_bosses(self) -> None:
        """Set every reports-to once all people of the file exist (a boss may come later in the sheet)."""
        self.flush()
        for account_pk, account_name, key, reference in self.bosses:
            ids = self.person_ids[account_pk]
            boss = ids[self.plan.resolve(account_name, reference)] if reference else None
            Person.objects.filter(pk=ids[key]).exclude(reports_to_id=boss).update(reports_to_id=boss)
        self.bosses = []

    def row_parts(self, row: Row) -> None:
        v = row.values
        deal = self.deal(v["account"], v["deal"])
        person = self.person(v["account"], v["person"])
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
        part = Part.objects.filter(deal=deal, person_id=person).first()
        if part is None:
            self.new_parts.append(Part(deal=deal, person_id=person, **fields))
            if len(self.new_parts) >= BATCH:
                self.flush()
        elif changed := _changed(part, fields):
            part.version += 1
            part.save(update_fields=[*changed, "version", "updated_at"])

    def row_relations(self, row: Row) -> None:
        v = row.values
        account = self.account(v["account"])
        source = self.person(v["account"], v["source"])
        target = self.person(v["account"], v["target"])
        strength = v.get("strength")
        found = Relation.objects.filter(account=account, source_id=source, target_id=target, kind=v["kind"])
        if not found.exists():
            Relation.objects.create(
                account=account, source_id=source, target_id=target, kind=v["kind"], strength=strength
            )
        elif "strength" in v:
            found.exclude(strength=strength).update(strength=strength)

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
