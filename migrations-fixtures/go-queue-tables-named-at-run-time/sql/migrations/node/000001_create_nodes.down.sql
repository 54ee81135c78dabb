DROP TABLE paused_partition_versions;
DROP TABLE nodes;
