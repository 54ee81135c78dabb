CREATE TABLE cards (
  id SERIAL PRIMARY KEY,
  board_id INT NOT NULL REFERENCES boards (id),
  body TEXT NOT NULL
);
