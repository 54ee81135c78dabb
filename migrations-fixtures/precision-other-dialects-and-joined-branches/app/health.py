from django.db import connection


def server_info():
    with connection.cursor() as cursor:
        if connection.vendor == "mysql":
            # MySQL's own functions, in the branch that only runs there.
            cursor.execute("SELECT VERSION(), DATABASE(), UNHEX('41')")
        else:
            cursor.execute("SELECT version(), current_database(), decode('41', 'hex')")
        return cursor.fetchone()


def feed_label(cursor, feed_id):
    # No migration creates feed_label(): reported.
    cursor.execute("SELECT feed_label(id) FROM feeds WHERE id = %s", [feed_id])
    return cursor.fetchone()
