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
