from django.db import connection


def speaker_counts():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT member_id, count(*), max(position) FROM talks_speakerrole GROUP BY member_id"
        )
        return cursor.fetchall()


def speakers_by_user(user_id):
    # The join column is named after the user model (people.Member), not "user".
    with connection.cursor() as cursor:
        cursor.execute("SELECT talk_id FROM talks_speakerrole WHERE user_id = %s", [user_id])
        return [row[0] for row in cursor.fetchall()]
