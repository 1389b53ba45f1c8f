"""The power map's layout and the replay filter, on plain engine data."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dealmap.engine import analyze
from dealmap.engine.model import Assessment, Interaction
from dealmap.web.deals.replay import deal_as_of
from dealmap.web.workspace.powermap import LEVEL_COLOURS, power_map

from .conftest import sized_deal

DAY = date(2026, 11, 27)


def test_every_person_gets_a_node_and_no_two_share_a_place():
    deal = sized_deal(300)
    data = power_map(deal, analyze(deal, as_of=DAY), lang="zh")
    places = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(data["nodes"]) == 300 and len(places) == 300


def test_nodes_of_a_department_stay_inside_its_band_and_layers_inside_their_rows():
    deal = sized_deal(40)
    data = power_map(deal, analyze(deal, as_of=DAY), lang="en")
    bands = {b["label"]: b for b in data["bands"]}
    rows = {r["label"]: r for r in data["rows"]}
    for n in data["nodes"]:
        band, row = bands[n["department"]], rows[n["layer"]]
        assert band["x0"] < n["x"] < band["x1"] and row["y0"] < n["y"] < row["y1"]


def test_colours_run_from_deep_red_to_deep_green_and_size_grows_with_weight():
    deal = sized_deal(10)
    data = power_map(deal, analyze(deal, as_of=DAY), lang="zh")
    for n in data["nodes"]:
        if n["level"] is not None and not n["decisionMaker"]:
            assert n["itemStyle"]["color"] == LEVEL_COLOURS[n["level"]]
    by_weight = sorted(data["nodes"], key=lambda n: n["weight"])
    assert by_weight[0]["symbolSize"] < by_weight[-1]["symbolSize"]


def test_replay_drops_what_was_recorded_after_the_day():
    deal = sized_deal(10)
    deal = replace(
        deal,
        assessments=(*deal.assessments, Assessment("p1", date(2026, 11, 26), 4)),
        interactions=(*deal.interactions, Interaction(date(2026, 11, 26), ("p1",))),
    )
    then = deal_as_of(deal, date(2026, 11, 20), added={})
    assert all(a.date <= date(2026, 11, 20) for a in then.assessments)
    assert all(i.date <= date(2026, 11, 20) for i in then.interactions)


def test_replay_keeps_a_person_known_by_a_record_even_if_their_row_is_newer():
    deal = sized_deal(4)
    added = {p.id: DAY for p in deal.stakeholders}
    then = deal_as_of(deal, date(2026, 10, 1), added=added)
    recorded = {a.stakeholder for a in then.assessments} | {
        k for i in then.interactions for k in i.stakeholders
    }
    assert {p.id for p in then.stakeholders} == recorded
