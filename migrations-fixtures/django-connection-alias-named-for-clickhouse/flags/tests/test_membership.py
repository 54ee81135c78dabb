from django.db import connections

from flags.membership import copy_memberships


def test_copy_memberships_reads_final_rows(db) -> None:
    with connections["clickhouse"].cursor() as cursor:
        cursor.execute(
            "INSERT INTO SEGMENT_MEMBERSHIPS (identifier, segment_id, environment_key) VALUES ('alice', 1, 'env')"
        )
    assert copy_memberships("env") == [("alice", 1)]
