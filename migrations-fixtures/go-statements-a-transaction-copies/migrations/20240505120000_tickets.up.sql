CREATE TABLE tickets (
    id uuid PRIMARY KEY,
    title text NOT NULL,
    status text NOT NULL DEFAULT 'open',
    assignee_id uuid,
    created_at timestamptz NOT NULL DEFAULT now()
);
