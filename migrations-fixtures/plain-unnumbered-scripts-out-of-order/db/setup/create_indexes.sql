CREATE UNIQUE INDEX user_id_ndx_user_setting ON user_setting (user_id);
CREATE INDEX queue_ndx_jobs ON jobs (queue);
