from django.db import connection, connections


def count_identities(environment_key: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM flags_identity WHERE environment_key = %s AND deleted_at IS NULL",
            [environment_key],
        )
        return cursor.fetchone()[0]


def copy_memberships(environment_key: str) -> list[tuple]:
    # the analytics store: a ClickHouse database under its own alias
    with connections["clickhouse"].cursor() as cursor:
        cursor.execute(
            "SELECT identifier, segment_id FROM SEGMENT_MEMBERSHIPS FINAL "
            "WHERE environment_key = %(key)s ORDER BY identifier",
            {"key": environment_key},
        )
        return cursor.fetchall()
