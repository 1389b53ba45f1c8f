"""Benchmark the deal page at 300 people against a trivial view, and print the ratio (not pass/fail).

Sets up a throw-away SQLite database, imports a deal of 300 people (about 3 assessments and 2
interactions each, relations among them) through the import service, logs in a rep, then times
with Django's test client, in the same run:
  - the deal page (the whole workspace: engine analysis, score trend, map, board, forms);
  - a trivial view (/healthz: middleware, session, one SELECT 1).
Prints the medians, their ratio and the deal page's number of SQL queries.

    .venv/bin/python bench/pages.py [--people 300] [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

AS_OF = date(2026, 11, 27)
EVIDENCE = ("愿意听集团标杆案例介绍", "在评审会上公开质疑我方架构", "主动告诉我们内部评审情况", "")


def build_deal(people: int, seed: int = 7):
    from dealmap.engine import model
    from dealmap.method.codes import BUYING_ROLES, DEPARTMENTS, LAYERS, SIGNALS

    rnd = random.Random(seed)
    ids = [f"p{i}" for i in range(1, people + 1)]
    stakeholders = tuple(
        model.Stakeholder(
            id=pid,
            name=f"人员{i}",
            title="经理",
            layer=LAYERS.codes[0] if i < 4 else rnd.choice(LAYERS.codes[1:]),
            department=rnd.choice(DEPARTMENTS.codes),
            buying_role=rnd.choice(BUYING_ROLES.codes),
            reports_to=ids[(i - 1) // 4 - 1] if i > 4 else None,
            power=rnd.randint(1, 5),
            authority=rnd.randint(1, 5),
            is_coach=i == 7,
        )
        for i, pid in enumerate(ids, start=1)
    )
    relations = tuple(
        model.Relation(a, b, rnd.choice(("influences", "close", "conflicts")))
        for a, b in {tuple(rnd.sample(ids, 2)) for _ in range(people)}
    )
    day = lambda: AS_OF - timedelta(days=rnd.randint(0, 180))  # noqa: E731
    assessments = tuple(
        model.Assessment(
            pid,
            day(),
            rnd.randint(-4, 4),
            rnd.choice(EVIDENCE),
            tuple(rnd.sample(SIGNALS.codes, rnd.randint(0, 2))),
        )
        for pid in ids
        for _ in range(3)
    )
    interactions = tuple(
        model.Interaction(day(), tuple(rnd.sample(ids, 2)), summary="拜访") for _ in range(people * 2)
    )
    return model.Deal(
        account=model.Account(name="基准客户"),
        opportunity=model.Opportunity(name="基准商机"),
        stakeholders=stakeholders,
        relations=relations,
        assessments=assessments,
        interactions=interactions,
        as_of=AS_OF,
    )


def median_time(client, url: str, runs: int) -> float:
    client.get(url)  # warm up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="dealmap-bench-"))
    os.environ.update(
        DATABASE_URL=f"sqlite:///{folder / 'bench.sqlite3'}",
        DEALMAP_DATA_DIR=str(folder),
        DEALMAP_ALLOWED_HOSTS="testserver",
        DJANGO_SETTINGS_MODULE="dealmap.web.settings",
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from dealmap.web.core import clock
    from dealmap.web.deals.services import deal_import
    from dealmap.web.users.services import user_create

    call_command("migrate", verbosity=0)
    clock.today = lambda: AS_OF
    rep = user_create(username="bench", password="bench-password-1", role="rep")
    deal = deal_import(deal=build_deal(args.people), owner=rep)
    client = Client()
    client.force_login(rep)

    page = reverse("deals:detail", args=[deal.pk])
    client.get(page)  # the session is loaded once; count the queries of a warm request
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        assert client.get(page).status_code == 200
    deal_page = median_time(client, page, args.runs)
    trivial = median_time(client, reverse("healthz"), args.runs)
    print(f"deal page, {args.people} people: median {deal_page * 1000:.1f} ms, {len(queries)} SQL queries")
    print(f"trivial view (/healthz): median {trivial * 1000:.2f} ms")
    print(f"deal page / trivial view: {deal_page / trivial:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
