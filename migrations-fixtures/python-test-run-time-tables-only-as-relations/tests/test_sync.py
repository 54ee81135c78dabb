from django.db import connection


def test_sync_copies_rows():
    table_name = "sync_source"
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {table_name} (id INTEGER NOT NULL, label TEXT)")
        # The test's own table: not judged by the migrations' schema.
        cursor.execute(f"INSERT INTO sync_source (id, label) VALUES (%s, %s)", (1, "a"))
        # "id" is one of the file's lone strings, but here it is a column of a migrated table.
        cursor.execute("SELECT id, nmae FROM accounts WHERE id = %s", ("id",))
