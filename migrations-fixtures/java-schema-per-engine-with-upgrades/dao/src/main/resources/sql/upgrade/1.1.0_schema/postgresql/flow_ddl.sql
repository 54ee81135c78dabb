ALTER TABLE t_fl_process_instance RENAME TO t_fl_workflow_instance;
ALTER TABLE t_fl_workflow_instance RENAME COLUMN process_definition_code TO workflow_definition_code;
ALTER TABLE t_fl_task_instance RENAME COLUMN process_instance_id TO workflow_instance_id;
ALTER TABLE t_fl_task_instance RENAME COLUMN process_instance_name TO workflow_instance_name;
DROP TABLE IF EXISTS t_fl_trigger_relation;
