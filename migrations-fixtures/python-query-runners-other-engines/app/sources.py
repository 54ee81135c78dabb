import psycopg2


def data_source_names(dsn):
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute("SELECT id, name, kind FROM data_sources ORDER BY name")
        return cur.fetchall()
