CREATE TABLE bookmark (
  id serial PRIMARY KEY,
  url text NOT NULL,
  title text NOT NULL,
  created_at timestamp NOT NULL DEFAULT now()
);
CREATE TABLE tag (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE bookmark_tag (bookmark_id int NOT NULL, tag_id int NOT NULL);
