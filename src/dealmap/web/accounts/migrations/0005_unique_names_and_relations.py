"""One account name per owner and each relation once, held by the database too (the services
refused both already; 0004 made what an older database held twice distinct)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_distinct_names_and_relations")]

    operations = [
        migrations.AddConstraint(
            model_name="account",
            constraint=models.UniqueConstraint(fields=("owner", "name"), name="account_name_unique_per_owner"),
        ),
        migrations.AddConstraint(
            model_name="relation",
            constraint=models.UniqueConstraint(fields=("source", "target", "kind"), name="relation_stored_once"),
        ),
    ]
