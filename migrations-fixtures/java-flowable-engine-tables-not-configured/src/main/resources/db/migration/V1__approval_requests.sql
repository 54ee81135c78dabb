CREATE TABLE approval_requests (
    id bigserial PRIMARY KEY,
    process_instance_id varchar(64) NOT NULL,
    requested_by text NOT NULL
);
