CREATE TABLE activity_info_maps (
  shard_id integer NOT NULL,
  run_id bytea NOT NULL,
  schedule_id bigint NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (shard_id, run_id, schedule_id)
);
CREATE TABLE timer_info_maps (
  shard_id integer NOT NULL,
  run_id bytea NOT NULL,
  timer_id text NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (shard_id, run_id, timer_id)
);
