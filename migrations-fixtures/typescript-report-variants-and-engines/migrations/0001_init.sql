CREATE TABLE website_event (event_id uuid PRIMARY KEY, website_id uuid NOT NULL, url_path text, event_name text, created_at timestamptz);
