-- Older releases applied this by hand when upgrading.
BEGIN;

CREATE TABLE monitor_dg_tmp (
    id SERIAL PRIMARY KEY,
    name VARCHAR(150),
    active BOOLEAN DEFAULT TRUE NOT NULL,
    weight INTEGER DEFAULT 2000
);

INSERT INTO monitor_dg_tmp (id, name, active, weight) SELECT id, name, active, weight FROM monitor;

DROP TABLE monitor;
ALTER TABLE monitor_dg_tmp RENAME TO monitor;

COMMIT;
