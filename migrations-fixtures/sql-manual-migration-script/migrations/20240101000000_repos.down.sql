DROP TABLE projects;
DROP TABLE repos;
