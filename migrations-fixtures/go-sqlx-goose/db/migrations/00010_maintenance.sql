-- +goose Up
CREATE TABLE maintenance_log (
    id          bigserial PRIMARY KEY,
    vehicle_id  bigint NOT NULL REFERENCES vehicles (id),
    done_on     date NOT NULL,
    notes       text
);

-- +goose Down
DROP TABLE maintenance_log;
