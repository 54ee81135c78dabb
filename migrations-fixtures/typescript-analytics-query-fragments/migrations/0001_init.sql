CREATE TABLE website (
  website_id uuid PRIMARY KEY,
  name text NOT NULL,
  domain text
);

CREATE TABLE session (
  session_id uuid PRIMARY KEY,
  website_id uuid NOT NULL REFERENCES website (website_id),
  browser text,
  country text
);

CREATE TABLE website_event (
  event_id uuid PRIMARY KEY,
  website_id uuid NOT NULL REFERENCES website (website_id),
  session_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  url_path text NOT NULL,
  referrer_domain text,
  event_type integer NOT NULL DEFAULT 1
);
