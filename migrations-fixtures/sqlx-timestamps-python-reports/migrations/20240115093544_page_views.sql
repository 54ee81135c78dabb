CREATE TABLE page_views (
    site_id    uuid NOT NULL REFERENCES sites (id),
    path       text NOT NULL,
    referrer   text,
    viewed_at  timestamptz NOT NULL
) PARTITION BY RANGE (viewed_at);

CREATE TABLE page_views_2024_q1 PARTITION OF page_views
    FOR VALUES FROM ('2024-01-01') TO ('2024-04-01');
CREATE TABLE page_views_2024_q2 PARTITION OF page_views
    FOR VALUES FROM ('2024-04-01') TO ('2024-07-01');
