-- +goose Up
ALTER TABLE orders ADD COLUMN fulfilment_center text NOT NULL DEFAULT 'main';

-- +goose Down
ALTER TABLE orders DROP COLUMN fulfilment_center;
