CREATE TABLE queues_v2 (
  range_hash BIGINT NOT NULL,
  queue_id BYTEA NOT NULL,
  range_id BIGINT NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (range_hash, queue_id)
);
