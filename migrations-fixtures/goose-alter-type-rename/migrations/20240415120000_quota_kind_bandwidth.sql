-- +goose Up
-- +goose StatementBegin
CREATE TYPE quota_kind_next AS ENUM ('seats', 'storage', 'bandwidth');
ALTER TABLE plan_quotas ALTER COLUMN kind TYPE quota_kind_next USING kind::text::quota_kind_next;
DROP TYPE quota_kind;
ALTER TYPE quota_kind_next RENAME TO quota_kind;
-- +goose StatementEnd

-- +goose Down
