def leaderboard(conn):
    return conn.execute("SELECT id, elo FROM matches ORDER BY elo DESC").fetchall()


def legacy_leaderboard(conn):
    # The plugin's second revision dropped this column.
    return conn.execute("SELECT id, legacy_rating FROM matches ORDER BY legacy_rating DESC").fetchall()
