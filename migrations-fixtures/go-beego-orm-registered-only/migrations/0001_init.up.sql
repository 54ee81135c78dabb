CREATE TABLE hook_policy (
  id SERIAL PRIMARY KEY,
  name VARCHAR(255) NOT NULL,
  target_url TEXT NOT NULL,
  enabled BOOLEAN NOT NULL DEFAULT true
);

CREATE TABLE hook_delivery (
  id SERIAL PRIMARY KEY,
  policy_id INT NOT NULL,
  status VARCHAR(32),
  sent_at TIMESTAMP
);

CREATE TABLE hook_attempt (
  id SERIAL PRIMARY KEY,
  delivery_id INT NOT NULL,
  code INT
);

CREATE TABLE hook_audit (
  id SERIAL PRIMARY KEY,
  event TEXT
);

CREATE TABLE hook_retry (
  id SERIAL PRIMARY KEY,
  attempt_id INT,
  due_at TIMESTAMP
);

CREATE TABLE hook_archive (
  id SERIAL PRIMARY KEY
);
