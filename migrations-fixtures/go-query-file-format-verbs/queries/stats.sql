-- name: get-campaign-counts
-- The table is filled in by the code (fmt.Sprintf): views or clicks.
WITH spans AS (
    SELECT CASE WHEN $3::TIMESTAMP - $2::TIMESTAMP >= INTERVAL '7 days' THEN 'day' ELSE 'hour' END AS unit
)
SELECT c.campaign_id, COUNT(*) AS "count", DATE_TRUNC((SELECT unit FROM spans), c.created_at) AS "bucket"
    FROM %s c
    WHERE c.campaign_id = ANY($1) AND c.created_at >= $2 AND c.created_at <= $3
    GROUP BY c.campaign_id, "bucket"
    ORDER BY "bucket" ASC, spans_missing;

-- name: get-view-total
SELECT COUNT(*) FROM campaign_views WHERE campaign_id = $1;
