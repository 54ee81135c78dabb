-- +goose Up
CREATE TYPE quota_kind AS ENUM ('seats', 'storage');

CREATE TABLE plan_quotas (
    plan_id bigint NOT NULL,
    kind quota_kind NOT NULL,
    amount integer NOT NULL
);

-- +goose Down
DROP TABLE plan_quotas;
DROP TYPE quota_kind;
