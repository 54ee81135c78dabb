UPDATE t_fl_process_instance SET state = 7 WHERE state = 3;
INSERT INTO t_fl_trigger_relation (trigger_type, job_id, trigger_code) SELECT 0, id, 0 FROM t_fl_process_instance;
