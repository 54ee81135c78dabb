import psycopg


def note_titles(conn: psycopg.Connection):
    return conn.execute("SELECT id, title FROM notes ORDER BY id").fetchall()
