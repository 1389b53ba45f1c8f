"""Two people edit the same person from the same version: exactly one wins, nothing is lost."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

pytestmark = pytest.mark.django_db(transaction=True)


def edit(api, person_id: int, title: str, results: dict, barrier: threading.Barrier | None) -> None:
    try:
        if barrier is not None:
            barrier.wait(timeout=10)
        results[title] = api.patch(f"/people/{person_id}", {"version": 1, "title": title})[0]
    finally:
        connections.close_all()


def test_two_clients_editing_the_same_version_one_wins_one_gets_409(api_as, rep, other_rep, demo_deal):
    """On PostgreSQL the two requests really run at once (threads released together); SQLite
    serialises writers, so there they run one after the other — the check is the same."""
    from dealmap.web.accounts.services import share_set
    from dealmap.web.audit.models import AuditEntry

    share_set(account=demo_deal.account, user=other_rep, can_edit=True, by=rep)
    person = demo_deal.account.people.get(key="p1")
    first, second = api_as(rep), api_as(other_rep)
    results: dict[str, int] = {}
    if connection.vendor == "postgresql":
        barrier = threading.Barrier(2)
        threads = [
            threading.Thread(target=edit, args=(first, person.pk, "甲的修改", results, barrier)),
            threading.Thread(target=edit, args=(second, person.pk, "乙的修改", results, barrier)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    else:
        results["甲的修改"] = first.patch(f"/people/{person.pk}", {"version": 1, "title": "甲的修改"})[0]
        results["乙的修改"] = second.patch(f"/people/{person.pk}", {"version": 1, "title": "乙的修改"})[0]

    assert sorted(results.values()) == [200, 409]
    [winner] = [title for title, status in results.items() if status == 200]
    person.refresh_from_db()
    assert person.title == winner and person.version == 2
    updates = AuditEntry.objects.filter(object_type="person", object_id=person.pk, action="update")
    assert [u.after["title"] for u in updates] == [winner]


def _at_once(calls) -> list:
    """Run the calls at the same moment on PostgreSQL (threads released together); one after
    the other on SQLite, which serialises writers. Each call's result, in order."""
    results: list = [None] * len(calls)
    if connection.vendor != "postgresql":
        return [call() for call in calls]
    barrier = threading.Barrier(len(calls))

    def run(i, call):
        try:
            barrier.wait(timeout=10)
            results[i] = call()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_people_added_at_once_all_get_a_key_of_their_own(api_as, rep, demo_deal):
    """On PostgreSQL eight of ten parallel creates answered 500: both took the next free key."""
    api = api_as(rep)

    def body(i):
        return {
            "account": demo_deal.account.pk,
            "name": f"新人{i}",
            "layer": "execution",
            "department": "user",
        }  # noqa: E731

    results = _at_once([lambda i=i: api.post("/people", body(i)) for i in range(8)])
    assert [status for status, _ in results] == [201] * 8
    keys = [answer["key"] for _, answer in results]
    assert len(set(keys)) == 8


def test_relations_both_ways_added_at_once_are_both_stored(api_as, rep, demo_deal):
    """A→B and B→A at once deadlocked on PostgreSQL (7 of 10 rounds: 201 and 500)."""
    from dealmap.web.accounts.models import Relation

    api = api_as(rep)
    people = list(demo_deal.account.people.order_by("pk"))
    for round_ in range(len(people) // 2):
        a, b = people[2 * round_], people[2 * round_ + 1]
        Relation.objects.filter(source__in=[a, b], target__in=[a, b], kind="influences").delete()
        results = _at_once(
            [
                lambda a=a, b=b: api.post(
                    "/relations", {"source": a.pk, "target": b.pk, "kind": "influences"}
                ),
                lambda a=a, b=b: api.post(
                    "/relations", {"source": b.pk, "target": a.pk, "kind": "influences"}
                ),
            ]
        )
        assert [status for status, _ in results] == [201, 201], results


def test_a_person_deleted_while_an_interaction_is_recorded_leaves_no_empty_interaction(
    api_as, rep, demo_deal
):
    """The delete's cascade took the new interaction's only participant and left it empty: the
    deal's export then failed to import again."""
    from dealmap.web.deals.models import Interaction

    api = api_as(rep)
    for i in range(4):
        _, person = api.post(
            "/people",
            {
                "account": demo_deal.account.pk,
                "name": f"将离开{i}",
                "layer": "execution",
                "department": "user",
            },
        )
        api.post("/parts", {"deal": demo_deal.pk, "person": person["id"], "buying_role": "user"})
        body = {"deal": demo_deal.pk, "date": "2026-11-20", "participants": [person["id"]], "summary": "拜访"}
        deleted, recorded = _at_once(
            [lambda p=person: api.delete(f"/people/{p['id']}"), lambda b=body: api.post("/interactions", b)]
        )
        assert deleted[0] == 204 and recorded[0] in (201, 404, 409), recorded
    assert not Interaction.objects.filter(deal=demo_deal, participations__isnull=True).exists()


def test_accounts_of_one_name_created_at_once_one_is_stored_the_others_are_told_why(api_as, rep):
    """Two of eight answered 500 (the database's uniqueness check) instead of 409 at name."""
    from dealmap.web.accounts.models import Account

    api = api_as(rep)
    results = _at_once([lambda: api.post("/accounts", {"name": "同时新建"}) for _ in range(6)])
    statuses = sorted(status for status, _ in results)
    assert statuses == [201] + [409] * 5
    assert all(answer["problems"][0]["path"] == "name" for status, answer in results if status == 409)
    assert Account.objects.filter(owner=rep, name="同时新建").count() == 1


def test_the_same_deal_file_posted_at_once_is_stored_under_distinct_names(api_as, rep, demo_file):
    from dealmap.web.accounts.models import Account

    api = api_as(rep)
    results = _at_once([lambda: api.post("/deal-files", demo_file) for _ in range(3)])
    assert [status for status, _ in results] == [201, 201, 201]
    name = demo_file["account"]["name"]
    assert sorted(Account.objects.filter(owner=rep).values_list("name", flat=True)) == [
        name,
        f"{name} (2)",
        f"{name} (3)",
    ]
