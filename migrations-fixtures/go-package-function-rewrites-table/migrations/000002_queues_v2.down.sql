DROP TABLE queues_v2;
