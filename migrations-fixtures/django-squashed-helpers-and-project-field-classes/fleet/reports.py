from django.db import connection


def stale_hosts(cutoff):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT h.hostname, h.agent_version, h.timeout, r.name "
            "FROM fleet_host h LEFT JOIN fleet_role r ON r.id = h.admin_role_id "
            "WHERE h.seen_at < %s",
            [cutoff],
        )
        return cursor.fetchall()


def host_tags(host_id):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t.label FROM fleet_host_tags ht JOIN fleet_tag t ON t.id = ht.tag_id WHERE ht.host_id = %s",
            [host_id],
        )
        return [row[0] for row in cursor.fetchall()]


def sources():
    with connection.cursor() as cursor:
        cursor.execute("SELECT url FROM fleet_inventorysource")
        return cursor.fetchall()


def retire(host_id):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE fleet_host SET retired_at = now() WHERE id = %s", [host_id])
