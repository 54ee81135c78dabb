from django.db.migrations import Migration


class AuditQuietMigration(Migration):
    """Runs without writing audit rows for the objects it touches."""

    def apply(self, project_state, schema_editor, collect_sql=False):
        from fleet.signals import audit_paused

        with audit_paused():
            return Migration.apply(self, project_state, schema_editor, collect_sql)
