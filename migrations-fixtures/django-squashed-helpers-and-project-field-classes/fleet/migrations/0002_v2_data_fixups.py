from fleet.migrations import AuditQuietMigration


class Migration(AuditQuietMigration):
    dependencies = [
        ("fleet", "0001_initial"),
    ]

    operations = [
        # Release 2's data fixups are gone: every supported database has run them.
    ]
