from django.db import migrations


def add_search_columns(apps, schema_editor):
    # Each database gets its own statement: SQLite's PRAGMA never reaches PostgreSQL.
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("PRAGMA legacy_alter_table = OFF")
        schema_editor.execute("ALTER TABLE notes_note ADD COLUMN search_blob text")
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE notes_note ADD COLUMN search_text tsvector")
    else:
        schema_editor.execute("ALTER TABLE notes_note ADD COLUMN search_other text")


class Migration(migrations.Migration):

    dependencies = [("notes", "0001_initial")]

    operations = [
        migrations.RunPython(add_search_columns, migrations.RunPython.noop),
    ]
