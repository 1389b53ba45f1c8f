"""The boundary between database rows and the engine's plain dataclasses.

``deal_to_domain`` reads a stored deal into :class:`dealmap.engine.model.Deal` (what the engine
and the deal-file writer take), ``deals_to_domain`` many at once (the portfolio), ``account_rosters``
every person and relation of some accounts (the workbook export); ``deal_import`` in ``services``
goes the other way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch

from dealmap.engine import model
from dealmap.interchange.xlsx import Roster
from dealmap.web.accounts.models import Account, Person, Relation
from dealmap.web.deals.models import Assessment, Deal, Interaction, InteractionParticipant, Part


def deal_to_domain(deal: Deal, *, as_of: date | None = None) -> model.Deal:
    """The stored deal as engine dataclasses; people are keyed by ``Person.key``.

    Assessments come in the engine's tie-break order (date, recorded_at, id). Five queries,
    whatever the size of the deal.
    """
    return deals_to_domain([deal], as_of=as_of)[deal.pk]


def deals_to_domain(deals: Sequence[Deal], *, as_of: date | None = None) -> dict[int, model.Deal]:
    """Several stored deals as engine dataclasses, by deal id: five queries for all of them together.

    The deals' accounts must be loaded already (``select_related("account")``) to save a query each.
    """
    ids = [deal.pk for deal in deals]
    parts = _by_deal(Part.objects.filter(deal_id__in=ids).select_related("person").order_by("id"))
    relations = defaultdict(list)
    for r in Relation.objects.filter(account_id__in={d.account_id for d in deals}).order_by("id"):
        relations[r.account_id].append(r)
    assessments = _by_deal(Assessment.objects.filter(deal_id__in=ids).order_by("date", "recorded_at", "id"))
    participations = Prefetch(
        "participations", queryset=InteractionParticipant.objects.order_by("position", "id")
    )
    interactions = _by_deal(
        Interaction.objects.filter(deal_id__in=ids)
        .prefetch_related(participations)
        .order_by("date", "recorded_at", "id")
    )
    out = {}
    for deal in deals:
        keys = {part.person_id: part.person.key for part in parts[deal.pk]}
        out[deal.pk] = model.Deal(
            account=_account(deal.account),
            opportunity=_opportunity(deal),
            stakeholders=tuple(_stakeholder(part, keys) for part in parts[deal.pk]),
            relations=_relations(relations[deal.account_id], keys),
            assessments=_assessments(assessments[deal.pk], keys),
            interactions=_interactions(interactions[deal.pk], keys),
            as_of=as_of,
        )
    return out


def account_rosters(accounts: Sequence[Account]) -> list[Roster]:
    """Every person of each account, with their whole reporting line, and every relation between
    them (two queries): what the workbook's People and Relations sheets hold, deal or no deal."""
    ids = [a.pk for a in accounts]
    people, relations = defaultdict(list), defaultdict(list)
    for person in Person.objects.filter(account_id__in=ids).order_by("id"):
        people[person.account_id].append(person)
    for r in Relation.objects.filter(account_id__in=ids).order_by("id"):
        relations[r.account_id].append(r)
    rosters = []
    for account in accounts:
        keys = {p.pk: p.key for p in people[account.pk]}
        rosters.append(
            Roster(
                account=_account(account),
                people=tuple(_person(p, keys) for p in people[account.pk]),
                relations=_relations(relations[account.pk], keys),
            )
        )
    return rosters


def _person(person: Person, keys: dict[int, str]) -> model.Stakeholder:
    """A person of the account, the person fields only (no part in a deal: ``_stakeholder`` adds it)."""
    return model.Stakeholder(
        id=person.key,
        name=person.name,
        title=person.title,
        layer=person.layer,
        department=person.department,
        buying_role="",
        reports_to=keys.get(person.reports_to_id),
        change_style=person.change_style or None,
        personal_need=person.personal_need or None,
        notes=person.notes,
    )


def _by_deal(rows) -> defaultdict[int, list]:
    grouped = defaultdict(list)
    for row in rows:
        grouped[row.deal_id].append(row)
    return grouped


def _account(account: Account) -> model.Account:
    return model.Account(name=account.name, industry=account.industry, notes=account.notes)


def _opportunity(deal: Deal) -> model.Opportunity:
    research = model.Research(**{code: answer for code, answer in deal.research_answers()})
    return model.Opportunity(
        name=deal.name,
        stage=deal.stage,
        amount=_amount(deal.amount),
        currency=deal.currency,
        expected_close=deal.expected_close,
        we_are_incumbent=deal.we_are_incumbent,
        competitors=tuple(deal.competitors),
        research=research,
    )


def _amount(amount: Decimal | None) -> float | int | None:
    if amount is None:
        return None
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _stakeholder(part: Part, keys: dict[int, str]) -> model.Stakeholder:
    """The person with their part in the deal; someone outside this deal's buying group cannot be
    referenced from its file (``keys`` holds the deal's people only)."""
    objection = None
    if part.objection_kind:
        objection = model.Objection(kind=part.objection_kind, text=part.objection_text)
    return replace(
        _person(part.person, keys),
        buying_role=part.buying_role,
        power=part.power,
        authority=part.authority,
        personal_wins=part.personal_wins,
        objection=objection,
        is_coach=part.is_coach,
        competitor_affinity=tuple(
            model.CompetitorAffinity(competitor=a["competitor"], strength=a["strength"])
            for a in part.competitor_affinity
        ),
    )


def _relations(rows: list[Relation], keys: dict[int, str]) -> tuple[model.Relation, ...]:
    return tuple(
        model.Relation(source=keys[r.source_id], target=keys[r.target_id], kind=r.kind, strength=r.strength)
        for r in rows
        if r.source_id in keys and r.target_id in keys
    )


def _assessments(rows: list[Assessment], keys: dict[int, str]) -> tuple[model.Assessment, ...]:
    return tuple(
        model.Assessment(
            stakeholder=keys[a.person_id],
            date=a.date,
            level=a.level,
            evidence=a.evidence,
            signals=tuple(a.signals),
        )
        for a in rows
        if a.person_id in keys
    )


def _interactions(rows: list[Interaction], keys: dict[int, str]) -> tuple[model.Interaction, ...]:
    """The deal's interactions with the people in its buying group; one whose every participant
    was taken out of the deal is not the deal's any more (it stays stored: putting them back
    brings it back). A deal file's interaction needs a participant."""
    out = []
    for i in rows:
        stakeholders = tuple(keys[p.person_id] for p in i.participations.all() if p.person_id in keys)
        if stakeholders:
            out.append(
                model.Interaction(
                    date=i.date,
                    stakeholders=stakeholders,
                    channel=i.channel,
                    summary=i.summary,
                    trust_delta=i.trust_delta,
                    signals=tuple(i.signals),
                )
            )
    return tuple(out)
