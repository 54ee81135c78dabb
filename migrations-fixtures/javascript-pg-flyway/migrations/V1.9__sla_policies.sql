CREATE TABLE sla_policies (
    id               serial PRIMARY KEY,
    priority         smallint NOT NULL,
    respond_within   interval NOT NULL
);
