"""Properties over any valid deal: no crash, order independence, a monotone score."""

from __future__ import annotations

import json
from dataclasses import replace

from deal_strategies import deals
from hypothesis import given, settings
from hypothesis import strategies as st

from dealmap.engine import analyze, report_to_dict, what_if
from dealmap.engine.model import Assessment, Deal
from dealmap.interchange.dealfile import dump_deal, load_deal

FAST = settings(max_examples=100, deadline=None)


@FAST
@given(deals())
def test_any_valid_deal_analyses_to_a_json_report(deal):
    assert load_deal(dump_deal(deal)) == deal  # the generator stays within the contract
    report = analyze(deal)
    json.dumps(report_to_dict(report), ensure_ascii=False)
    assert 0 <= report.score.value <= 100
    assert -1 <= report.balance <= 1
    assert len(report.people) == len(deal.stakeholders)
    assert len({f.key for f in report.findings}) == len(report.findings)


def shuffled(deal: Deal, rnd) -> Deal:
    """Every list shuffled, except that same-day assessments of one person keep their order."""

    def mix(items):
        items = list(items)
        rnd.shuffle(items)
        return tuple(items)

    people = mix(replace(p, competitor_affinity=mix(p.competitor_affinity)) for p in deal.stakeholders)
    interactions = mix(
        i._replace(stakeholders=mix(i.stakeholders), signals=mix(i.signals)) for i in deal.interactions
    )
    return replace(
        deal,
        stakeholders=people,
        relations=mix(deal.relations),
        assessments=_shuffle_keeping_ties(deal.assessments, rnd),
        interactions=interactions,
    )


def _shuffle_keeping_ties(assessments: tuple[Assessment, ...], rnd) -> tuple[Assessment, ...]:
    order = list(range(len(assessments)))
    rnd.shuffle(order)
    groups: dict[tuple, list[int]] = {}
    for original in range(len(assessments)):
        a = assessments[original]
        groups.setdefault((a.stakeholder, a.date), []).append(original)
    slots: dict[tuple, list[int]] = {}
    for position, original in enumerate(order):
        a = assessments[original]
        slots.setdefault((a.stakeholder, a.date), []).append(position)
    result: list[Assessment | None] = [None] * len(assessments)
    for key, originals in groups.items():
        for position, original in zip(slots[key], originals, strict=True):
            result[position] = assessments[original]._replace(
                signals=tuple(reversed(assessments[original].signals))
            )
    return tuple(result)


@FAST
@given(deals(), st.randoms(use_true_random=False))
def test_shuffling_the_input_lists_changes_nothing(deal, rnd):
    assert report_to_dict(analyze(shuffled(deal, rnd))) == report_to_dict(analyze(deal))


@FAST
@given(deals(), st.data())
def test_raising_a_persons_level_never_lowers_the_score(deal, data):
    report = analyze(deal)
    assessed = [p for p in report.people if p.level is not None and p.level < 4]
    if not assessed:
        return
    person = data.draw(st.sampled_from(assessed))
    higher = data.draw(st.integers(person.level + 1, 4))
    assert what_if(deal, {person.id: higher}).score_delta >= 0
    newer = replace(deal, assessments=(*deal.assessments, Assessment(person.id, report.as_of, higher)))
    assert analyze(newer).score.value >= report.score.value


@FAST
@given(deals(), st.data())
def test_marking_a_coach_never_lowers_the_score(deal, data):
    if not deal.stakeholders:
        return
    target = data.draw(st.sampled_from([p.id for p in deal.stakeholders]))
    people = tuple(replace(p, is_coach=True) if p.id == target else p for p in deal.stakeholders)
    assert analyze(replace(deal, stakeholders=people)).score.value >= analyze(deal).score.value
