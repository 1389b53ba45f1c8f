"""The committed migrations describe the models exactly: no model change ships without its migration."""

from __future__ import annotations

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_models_and_migrations_agree():
    try:
        call_command("makemigrations", "--check", "--dry-run", verbosity=0)
    except SystemExit as exit_:
        pytest.fail(f"models changed without a migration (makemigrations --check exited {exit_.code})")


@pytest.mark.django_db(transaction=True)
def test_accounts_0004_makes_stored_duplicates_distinct_before_0005_constrains_them():
    """A database written before the uniqueness rules may hold two accounts of one owner with one
    name, and one relation twice: migrating renames the later account and merges the relation
    (keeping the last strength written) instead of failing or dropping an account."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before, after = [("accounts", "0003_accountshare")], [("accounts", "0005_unique_names_and_relations")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    User = apps.get_model("users", "User")
    Account, Person, Relation = (apps.get_model("accounts", m) for m in ("Account", "Person", "Relation"))
    owner = User.objects.create(username="old-rep")
    other = User.objects.create(username="old-rep-2")
    first, second = (Account.objects.create(owner=owner, name="华东电网") for _ in range(2))
    elsewhere = Account.objects.create(owner=other, name="华东电网")
    a, b = (
        Person.objects.create(
            account=first, key=f"p{i}", name=f"人{i}", layer="management", department="purchasing"
        )
        for i in (1, 2)
    )
    kept = Relation.objects.create(account=first, source=a, target=b, kind="influences", strength=1)
    Relation.objects.create(account=first, source=a, target=b, kind="influences", strength=3)
    Relation.objects.create(account=first, source=a, target=b, kind="close", strength=2)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    apps = executor.loader.project_state(after).apps
    Account, Relation = apps.get_model("accounts", "Account"), apps.get_model("accounts", "Relation")
    names = dict(Account.objects.filter(pk__in=(first.pk, second.pk, elsewhere.pk)).values_list("pk", "name"))
    assert names == {first.pk: "华东电网", second.pk: "华东电网 (2)", elsewhere.pk: "华东电网"}
    relations = sorted(Relation.objects.filter(account_id=first.pk).values_list("pk", "kind", "strength"))
    assert relations[0] == (kept.pk, "influences", 3) and [r[1:] for r in relations] == [
        ("influences", 3),
        ("close", 2),
    ]
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
