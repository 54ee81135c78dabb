-- +goose Up
CREATE TABLE queues (
  id bigserial PRIMARY KEY,
  name text NOT NULL
);
