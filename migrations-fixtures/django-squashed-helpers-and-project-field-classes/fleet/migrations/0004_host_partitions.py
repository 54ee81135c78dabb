from django.db import connection, migrations, models


def partition_hosts(apps, schema_editor):
    with connection.cursor() as cursor:
        for table in ("fleet_host",):
            cursor.execute(f"ALTER TABLE {table} RENAME TO _old_{table}")
            cursor.execute(
                f"CREATE TABLE {table} (LIKE _old_{table} INCLUDING ALL, seen_at timestamptz NOT NULL) "
                f"PARTITION BY RANGE (seen_at)"
            )


class StateOnlyAddField(migrations.AddField):
    def database_forwards(self, *args):
        # partition_hosts has added the column already
        pass


class Migration(migrations.Migration):
    dependencies = [
        ("fleet", "0003_squashed_v3"),
    ]

    operations = [
        migrations.RunPython(partition_hosts, migrations.RunPython.noop),
        StateOnlyAddField(
            model_name="host",
            name="seen_at",
            field=models.DateTimeField(null=True),
        ),
    ]
