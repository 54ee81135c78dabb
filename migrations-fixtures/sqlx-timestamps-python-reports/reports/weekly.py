"""Weekly report for site owners, run from cron with psycopg 3."""
import psycopg

WEEK = """
    SELECT s.domain, d.day, d.views, d.pages
    FROM daily_views d
    JOIN sites s ON s.id = d.site_id
    WHERE d.day >= current_date - 7
    ORDER BY s.domain, d.day
"""

TOP_REFERRERS = """
    SELECT referrer, count(*) AS n
    FROM page_views
    WHERE site_id = %s AND viewed_at >= now() - interval '7 days'
    GROUP BY referrer
    ORDER BY n DESC
    LIMIT 10
"""


def weekly(conn: psycopg.Connection, site_id):
    with conn.cursor() as cur:
        cur.execute(WEEK)
        views = cur.fetchall()
        cur.execute(TOP_REFERRERS, (site_id,))
        referrers = cur.fetchall()
        cur.execute(
            "SELECT name, count(DISTINCT session_id), sum(amount_cents) FROM purchase_events"
            " WHERE site_id = %s GROUP BY name",
            (site_id,),
        )
        purchases = cur.fetchall()
        cur.execute(
            "SELECT path, referrer_url, country FROM page_views_2024_q2 WHERE site_id = %s", (site_id,)
        )
        q2 = cur.fetchall()
        cur.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY daily_views")
    return views, referrers, purchases, q2


def revenue_by_currency(conn: psycopg.Connection):
    with conn.cursor() as cur:
        cur.execute("SELECT currency, sum(amount_cents) AS total FROM purchase_events GROUP BY currency, total_tax")
        return cur.fetchall()
