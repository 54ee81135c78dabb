CREATE TABLE collectors (
    id         BIGSERIAL PRIMARY KEY,
    created_at TIMESTAMPTZ,
    updated_at TIMESTAMPTZ,
    deleted_at TIMESTAMPTZ,
    name       TEXT NOT NULL
);

-- jinzhu/inflection v1.0.0, which GORM requires, says leafs (its later commits say leaves) and
-- evidences (some commits of 2020 said evidence).
CREATE TABLE leafs (
    id         BIGSERIAL PRIMARY KEY,
    created_at TIMESTAMPTZ,
    updated_at TIMESTAMPTZ,
    deleted_at TIMESTAMPTZ,
    shape      TEXT
);

CREATE TABLE evidences (
    id         BIGSERIAL PRIMARY KEY,
    created_at TIMESTAMPTZ,
    updated_at TIMESTAMPTZ,
    deleted_at TIMESTAMPTZ,
    note       TEXT,
    seen       BOOLEAN
);
