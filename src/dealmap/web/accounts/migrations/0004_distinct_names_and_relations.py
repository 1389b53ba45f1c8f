"""Make what an older database holds twice distinct, before 0005 has the database refuse it.

The services refused both already; a database written before they did (or by two requests
racing) may still hold a pair. Such pairs are made distinct without losing anything: a later
account of the same owner and name is renamed "name (2)", "name (3)"… (as a deal-file import
names one), and a repeated relation (same two people, same direction, same kind) is merged into
the first one stored, keeping the strength of the last one written (the latest judgement).
"""

from django.conf import settings
from django.db import migrations

NAME_MAX = 200


def _free_name(taken: set[str], name: str) -> str:
    n = 1
    candidate = name
    while candidate in taken:
        n += 1
        suffix = f" ({n})"
        candidate = name[: NAME_MAX - len(suffix)] + suffix
    return candidate


def make_distinct(apps, schema_editor):
    Account = apps.get_model("accounts", "Account")
    Relation = apps.get_model("accounts", "Relation")
    taken: dict[int, set[str]] = {}
    for account in Account.objects.order_by("owner_id", "id").only("id", "owner_id", "name"):
        names = taken.setdefault(account.owner_id, set())
        name = _free_name(names, account.name)
        names.add(name)
        if name != account.name:
            Account.objects.filter(pk=account.pk).update(name=name)
    first: dict[tuple, object] = {}
    for relation in Relation.objects.order_by("id"):
        key = (relation.source_id, relation.target_id, relation.kind)
        kept = first.setdefault(key, relation)
        if kept is not relation:
            if relation.strength is not None and relation.strength != kept.strength:
                kept.strength = relation.strength
                Relation.objects.filter(pk=kept.pk).update(strength=relation.strength)
            relation.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_accountshare"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    # Its own migration (so its own transaction on PostgreSQL): rows changed by the data step would
    # leave deferred foreign-key checks pending, and PostgreSQL refuses to alter such a table.
    operations = [migrations.RunPython(make_distinct, migrations.RunPython.noop)]
