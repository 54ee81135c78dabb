from sqlalchemy import text


def ratings_for(conn, user_id, track_ids, only_rated):
    with_ratings = """
        WITH r AS (
            SELECT track_id, score
              FROM track_ratings
             WHERE user_id = :user_id
        )
    """
    # Each part names the CTE above; neither runs on its own.
    rated_part = """
        SELECT track_id, r.score
          FROM UNNEST(:track_ids) track_id
          JOIN r USING (track_id)
    """
    all_part = """
        SELECT track_id, COALESCE(r.score, 0) AS score
          FROM UNNEST(:track_ids) track_id
     LEFT JOIN r USING (track_id)
    """
    if not only_rated:
        rest = rated_part + " UNION " + all_part
    else:
        rest = rated_part
    query = with_ratings + rest
    return conn.execute(text(query), {"user_id": user_id, "track_ids": track_ids}).all()


def unrated_count(conn, user_id):
    return conn.execute(
        text("SELECT count(*) FROM track_ratings WHERE user_id = :user_id AND rated_at IS NULL"),
        {"user_id": user_id},
    ).scalar()
