CREATE TABLE node (
    id bigserial PRIMARY KEY,
    hostname text NOT NULL UNIQUE
);

CREATE TABLE node_group (
    id bigserial PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE node_group_member (
    group_id bigint NOT NULL REFERENCES node_group (id),
    node_id bigint NOT NULL REFERENCES node (id),
    PRIMARY KEY (group_id, node_id)
);
