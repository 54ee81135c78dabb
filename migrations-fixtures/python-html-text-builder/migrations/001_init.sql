CREATE TABLE email_log (id uuid PRIMARY KEY, status text NOT NULL, subject text, created_at timestamptz NOT NULL DEFAULT now());
