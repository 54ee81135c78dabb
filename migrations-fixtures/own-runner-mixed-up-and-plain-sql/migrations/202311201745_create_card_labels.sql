CREATE TABLE card_labels (
  card_id INT NOT NULL REFERENCES cards (id),
  label TEXT NOT NULL
);
