import psycopg


def recent_plots(conn: psycopg.Connection):
    return conn.execute("SELECT id, label, created_at, archived_at FROM plot ORDER BY updated_at DESC").fetchall()


def harvested(conn: psycopg.Connection):
    return conn.execute("SELECT crop, harvested_on FROM planting WHERE harvested_on IS NOT NULL").fetchall()


def heaviest(conn: psycopg.Connection):
    return conn.execute("SELECT id, weight_kg FROM harvest ORDER BY weight_kg DESC LIMIT 5").fetchall()
