-- +goose Up
CREATE TABLE queues (id bigserial PRIMARY KEY, name varchar NOT NULL);
CREATE TABLE customers (id bigserial PRIMARY KEY, email varchar NOT NULL UNIQUE);
CREATE TABLE agents (id bigserial PRIMARY KEY, handle varchar NOT NULL);
CREATE TABLE tickets (
  id bigserial PRIMARY KEY,
  subject varchar NOT NULL,
  customer_id bigint NOT NULL REFERENCES customers (id),
  ticket_follow_ups bigint NULL REFERENCES tickets (id) ON DELETE SET NULL
);
CREATE TABLE agent_watching (
  agent_id bigint NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  ticket_id bigint NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  PRIMARY KEY (agent_id, ticket_id)
);
CREATE TABLE escalations (
  id bigserial PRIMARY KEY,
  reason varchar NOT NULL,
  queue_id bigint NULL REFERENCES queues (id) ON DELETE SET NULL
);

-- +goose Down
DROP TABLE escalations;
DROP TABLE agent_watching;
DROP TABLE tickets;
DROP TABLE agents;
DROP TABLE customers;
DROP TABLE queues;
