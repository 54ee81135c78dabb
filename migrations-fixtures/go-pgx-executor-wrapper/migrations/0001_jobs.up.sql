CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  state text NOT NULL,
  attempt int NOT NULL DEFAULT 0
);
