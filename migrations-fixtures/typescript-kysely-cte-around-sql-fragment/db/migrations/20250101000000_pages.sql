CREATE TABLE pages (
  id uuid PRIMARY KEY,
  parent_page_id uuid REFERENCES pages (id),
  title text NOT NULL
);

CREATE TABLE page_access (
  id uuid PRIMARY KEY,
  page_id uuid NOT NULL REFERENCES pages (id),
  restricted boolean NOT NULL DEFAULT false
);
