DROP TABLE queues;
