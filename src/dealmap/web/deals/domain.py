"""The boundary between database rows and the engine's plain dataclasses.

``deal_to_domain`` reads a stored deal into :class:`dealmap.engine.model.Deal` (what the engine
and the deal-file writer take); ``deal_import`` in ``services`` goes the other way.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import Prefetch

from dealmap.engine import model
from dealmap.web.accounts.models import Person, Relation
from dealmap.web.deals.models import Deal, InteractionParticipant, Part


def deal_to_domain(deal: Deal, *, as_of: date | None = None) -> model.Deal:
    """The stored deal as engine dataclasses; people are keyed by ``Person.key``.

    Assessments come in the engine's tie-break order (date, recorded_at, id). Six queries at most,
    whatever the size of the deal.
    """
    parts = list(deal.parts.select_related("person").order_by("id"))
    keys = {part.person_id: part.person.key for part in parts}
    return model.Deal(
        account=_account(deal),
        opportunity=_opportunity(deal),
        stakeholders=tuple(_stakeholder(part, keys) for part in parts),
        relations=_relations(deal, keys),
        assessments=_assessments(deal, keys),
        interactions=_interactions(deal, keys),
        as_of=as_of,
    )


def _account(deal: Deal) -> model.Account:
    account = deal.account
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
    person: Person = part.person
    objection = None
    if part.objection_kind:
        objection = model.Objection(kind=part.objection_kind, text=part.objection_text)
    return model.Stakeholder(
        id=person.key,
        name=person.name,
        title=person.title,
        layer=person.layer,
        department=person.department,
        # Someone outside this deal's buying group cannot be referenced from its file.
        reports_to=keys.get(person.reports_to_id),
        buying_role=part.buying_role,
        power=part.power,
        authority=part.authority,
        change_style=person.change_style or None,
        personal_need=person.personal_need or None,
        personal_wins=part.personal_wins,
        objection=objection,
        is_coach=part.is_coach,
        competitor_affinity=tuple(
            model.CompetitorAffinity(competitor=a["competitor"], strength=a["strength"])
            for a in part.competitor_affinity
        ),
        notes=person.notes,
    )


def _relations(deal: Deal, keys: dict[int, str]) -> tuple[model.Relation, ...]:
    rows = Relation.objects.filter(account_id=deal.account_id, source_id__in=keys, target_id__in=keys)
    return tuple(
        model.Relation(source=keys[r.source_id], target=keys[r.target_id], kind=r.kind, strength=r.strength)
        for r in rows.order_by("id")
    )


def _assessments(deal: Deal, keys: dict[int, str]) -> tuple[model.Assessment, ...]:
    rows = deal.assessments.filter(person_id__in=keys).order_by("date", "recorded_at", "id")
    return tuple(
        model.Assessment(
            stakeholder=keys[a.person_id],
            date=a.date,
            level=a.level,
            evidence=a.evidence,
            signals=tuple(a.signals),
        )
        for a in rows
    )


def _interactions(deal: Deal, keys: dict[int, str]) -> tuple[model.Interaction, ...]:
    participations = Prefetch(
        "participations", queryset=InteractionParticipant.objects.order_by("position", "id")
    )
    rows = deal.interactions.prefetch_related(participations).order_by("date", "recorded_at", "id")
    return tuple(
        model.Interaction(
            date=i.date,
            stakeholders=tuple(keys[p.person_id] for p in i.participations.all() if p.person_id in keys),
            channel=i.channel,
            summary=i.summary,
            trust_delta=i.trust_delta,
            signals=tuple(i.signals),
        )
        for i in rows
    )
