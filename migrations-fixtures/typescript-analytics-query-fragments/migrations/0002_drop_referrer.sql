-- Referrers moved to their own table in the new ingestion pipeline.
ALTER TABLE website_event DROP COLUMN referrer_domain;
