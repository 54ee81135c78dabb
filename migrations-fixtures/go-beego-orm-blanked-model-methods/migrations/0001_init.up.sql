CREATE TABLE artifact (
  id serial PRIMARY KEY,
  type varchar(255) NOT NULL,
  media_type varchar(255) NOT NULL,
  repository_name varchar(255) NOT NULL,
  digest varchar(255) NOT NULL,
  size bigint,
  push_time timestamp DEFAULT CURRENT_TIMESTAMP
);
