CREATE TABLE photo_reviews (
  id serial PRIMARY KEY,
  photo_id integer NOT NULL REFERENCES photos (id),
  reviewed_at timestamptz NOT NULL DEFAULT now()
);
