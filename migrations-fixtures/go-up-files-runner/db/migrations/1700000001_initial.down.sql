DROP TABLE jobs;
DROP TABLE pipelines;
