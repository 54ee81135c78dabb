CREATE TABLE collectors (
    id         BIGSERIAL PRIMARY KEY,
    created_at TIMESTAMPTZ,
    updated_at TIMESTAMPTZ,
    deleted_at TIMESTAMPTZ,
    name       TEXT NOT NULL
);

-- The project pins a later commit of jinzhu/inflection: leafs or leaves, evidences or evidence
-- depend on which; those models are unchecked.
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
