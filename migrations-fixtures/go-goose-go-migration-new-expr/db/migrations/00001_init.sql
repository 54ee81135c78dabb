-- +goose Up
CREATE TABLE items (id uuid PRIMARY KEY, name text NOT NULL);

-- +goose Down
DROP TABLE items;
