CREATE TABLE IF NOT EXISTS tenant (
    id uuid NOT NULL CONSTRAINT tenant_pkey PRIMARY KEY,
    created_time bigint NOT NULL,
    title varchar(255)
);

CREATE TABLE IF NOT EXISTS device (
    id uuid NOT NULL CONSTRAINT device_pkey PRIMARY KEY,
    created_time bigint NOT NULL,
    tenant_id uuid NOT NULL,
    name varchar(255),
    type varchar(255)
);

CREATE SEQUENCE IF NOT EXISTS attribute_kv_version_seq cache 1;

CREATE TABLE IF NOT EXISTS attribute_kv (
    entity_id uuid,
    attribute_key int,
    str_v varchar(10000000),
    long_v bigint,
    last_update_ts bigint,
    version bigint default 0,
    CONSTRAINT attribute_kv_pkey PRIMARY KEY (entity_id, attribute_key)
);
