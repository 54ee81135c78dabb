from app.analytics import client


def fetch_batch(limit):
    sql = (
        "SELECT toString(id) AS event_id, toString(order_id) AS order_id, ingested_at "
        "FROM events_by_ingested_at WHERE order_id != '' ORDER BY ingested_at LIMIT {limit:UInt32}"
    )
    return client.query(sql, parameters={"limit": limit})
