CREATE TABLE media (
    id BIGINT PRIMARY KEY,
    medium_type VARCHAR(31) NOT NULL,
    tittel TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 0,
    opprettet_av TEXT NOT NULL,
    endret_tid TIMESTAMP,
    isbn TEXT,
    sider INTEGER,
    narrator TEXT,
    fk_shelf_id BIGINT NOT NULL
);
