ALTER TABLE `t_fl_process_instance` RENAME TO `t_fl_workflow_instance`;
ALTER TABLE `t_fl_task_instance` CHANGE `process_instance_id` `workflow_instance_id` int(11) DEFAULT NULL;
DROP TABLE IF EXISTS `t_fl_trigger_relation`;
