CREATE MATERIALIZED VIEW daily_views AS
SELECT site_id, date_trunc('day', viewed_at)::date AS day, count(*) AS views, count(DISTINCT path) AS pages
FROM page_views
GROUP BY site_id, 2;

CREATE UNIQUE INDEX daily_views_key ON daily_views (site_id, day);

ALTER TABLE page_views RENAME COLUMN referrer TO referrer_url;
