DROP TABLE IF EXISTS t_fl_workflow_instance;
CREATE TABLE t_fl_workflow_instance (
  id serial NOT NULL,
  name varchar(255) DEFAULT NULL,
  workflow_definition_code bigint NOT NULL,
  state int DEFAULT NULL,
  start_time timestamp DEFAULT NULL,
  PRIMARY KEY (id)
);

DROP TABLE IF EXISTS t_fl_task_instance;
CREATE TABLE t_fl_task_instance (
  id serial NOT NULL,
  name varchar(255) DEFAULT NULL,
  workflow_instance_id int DEFAULT NULL,
  workflow_instance_name varchar(255) DEFAULT NULL,
  PRIMARY KEY (id)
);
