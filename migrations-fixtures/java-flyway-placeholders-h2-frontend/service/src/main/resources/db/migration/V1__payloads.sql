-- The payload table's name is a Flyway placeholder, set per deployment.
CREATE TABLE IF NOT EXISTS ${tableName}
(
    id         TEXT PRIMARY KEY,
    created_on TIMESTAMP NOT NULL DEFAULT now()
);

CREATE TABLE payload_audit (
    id         BIGSERIAL PRIMARY KEY,
    payload_id TEXT NOT NULL,
    action     TEXT NOT NULL
);
