-- +goose Up
-- +goose StatementBegin
ALTER TABLE vehicles ADD COLUMN retired_at timestamptz;
UPDATE vehicles SET retired_at = now() WHERE retired;
ALTER TABLE vehicles DROP COLUMN retired;
-- +goose StatementEnd

-- +goose Down
ALTER TABLE vehicles ADD COLUMN retired boolean NOT NULL DEFAULT false;
ALTER TABLE vehicles DROP COLUMN retired_at;
