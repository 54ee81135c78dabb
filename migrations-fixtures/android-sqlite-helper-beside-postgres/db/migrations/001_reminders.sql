CREATE TABLE reminders (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL,
  due_at timestamptz NOT NULL,
  note text NOT NULL
);
