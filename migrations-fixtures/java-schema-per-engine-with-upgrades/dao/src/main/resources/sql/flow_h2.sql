DROP TABLE IF EXISTS t_fl_workflow_instance CASCADE;
CREATE TABLE t_fl_workflow_instance
(
    id                       int NOT NULL AUTO_INCREMENT,
    name                     varchar(255) DEFAULT NULL,
    workflow_definition_code bigint NOT NULL,
    state                    tinyint      DEFAULT NULL,
    start_time               datetime     DEFAULT NULL,
    PRIMARY KEY (id)
);
