CREATE TABLE track_ratings (
  user_id INT NOT NULL,
  track_id UUID NOT NULL,
  score SMALLINT NOT NULL
);
