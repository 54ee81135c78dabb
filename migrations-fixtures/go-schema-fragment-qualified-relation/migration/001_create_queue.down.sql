DROP TABLE archive.queue_leader;
DROP SCHEMA archive;
DROP TABLE /* TEMPLATE: schema */queue_leader;
DROP TABLE /* TEMPLATE: schema */queue_job;
