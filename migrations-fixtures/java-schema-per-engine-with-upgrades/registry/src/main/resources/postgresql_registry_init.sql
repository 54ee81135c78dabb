DROP TABLE IF EXISTS t_fl_jdbc_registry_data;
CREATE TABLE t_fl_jdbc_registry_data
(
    id               bigserial PRIMARY KEY,
    data_key         varchar(256) NOT NULL,
    data_value       text         NOT NULL,
    last_update_time timestamp    NOT NULL DEFAULT current_timestamp
);
