import psycopg2


def set_timezone(conn, user_id, tz):
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO user_setting (user_id, timezone) VALUES (%s, %s) "
            "ON CONFLICT (user_id) DO UPDATE SET timezone = EXCLUDED.timezone",
            (user_id, tz),
        )


def failing_jobs(conn, queue):
    with conn.cursor() as cur:
        cur.execute("SELECT id, attempts, last_error FROM jobs WHERE queue = %s AND attempts > 3", (queue,))
        return cur.fetchall()
