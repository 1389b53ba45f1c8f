"""Import and export through the ORM: the demo survives a round trip, ids and history included."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date

import pytest

from dealmap.interchange.dealfile import DealFileError, canonical, dump_deal, load_deal
from dealmap.web.accounts.models import Person
from dealmap.web.deals.domain import deal_to_domain
from dealmap.web.deals.models import Deal
from dealmap.web.deals.services import deal_import

pytestmark = pytest.mark.django_db


def test_demo_deal_is_stored_whole(demo_deal, demo_file):
    assert demo_deal.parts.count() == len(demo_file["stakeholders"])
    assert demo_deal.assessments.count() == len(demo_file["assessments"])
    assert demo_deal.interactions.count() == len(demo_file["interactions"])
    assert demo_deal.account.relations.count() == len(demo_file["relations"])
    assert demo_deal.account.owner.username == "rep"


def test_demo_round_trip_gives_the_same_content_ids_included(demo_deal, demo_file):
    exported = dump_deal(deal_to_domain(demo_deal), as_of=date.fromisoformat(demo_file["as_of"]))
    assert canonical(exported) == canonical(demo_file)
    assert sorted(p["id"] for p in exported["stakeholders"]) == [f"p{i}" for i in range(1, 8)]


def test_export_keeps_interaction_participants_in_their_order(demo_deal):
    exported = dump_deal(deal_to_domain(demo_deal))
    assert ["p3", "p4"] in [i["stakeholders"] for i in exported["interactions"]]


def test_deal_to_domain_takes_a_constant_number_of_queries(demo_deal, django_assert_max_num_queries):
    deal = Deal.objects.select_related("account").get(pk=demo_deal.pk)
    with django_assert_max_num_queries(6):
        domain = deal_to_domain(deal)
    assert len(domain.stakeholders) == 7


def test_same_day_assessments_keep_the_files_order(rep, demo_file):
    data = copy.deepcopy(demo_file)
    data["assessments"] += [
        {"stakeholder": "p6", "date": "2026-11-20", "level": 2, "evidence": "", "signals": []},
        {"stakeholder": "p6", "date": "2026-11-20", "level": -1, "evidence": "", "signals": []},
    ]
    deal = deal_import(deal=load_deal(data), owner=rep)
    levels = [a.level for a in deal_to_domain(deal).assessments if a.stakeholder == "p6"]
    assert levels == [2, -1]


def test_importing_into_an_existing_account_matches_people_by_key(demo_deal, demo_file, rep):
    data = copy.deepcopy(demo_file)
    data["opportunity"]["name"] = "二期扩容"
    data["stakeholders"][0]["title"] = "董事长兼总经理"
    second = deal_import(deal=load_deal(data), owner=rep, account=demo_deal.account)
    assert Person.objects.filter(account=demo_deal.account).count() == 7
    chen = Person.objects.get(account=demo_deal.account, key="p1")
    assert chen.title == "董事长兼总经理" and chen.version == 2
    assert chen.parts.count() == 2 and second.parts.count() == 7
    assert demo_deal.account.relations.count() == len(demo_file["relations"])


def test_a_value_the_database_cannot_hold_stores_nothing(rep, demo_file, row_counts):
    data = copy.deepcopy(demo_file)
    data["stakeholders"][2]["name"] = "名" * 300
    deal = load_deal(data)
    # A deal built in code (the file's reader refuses such an amount already): checked again.
    deal = replace(deal, opportunity=replace(deal.opportunity, amount=1e20))
    before = row_counts()
    with pytest.raises(DealFileError) as error:
        deal_import(deal=deal, owner=rep)
    assert {p.path for p in error.value.problems} == {"opportunity.amount", "stakeholders[2].name"}
    assert row_counts() == before
