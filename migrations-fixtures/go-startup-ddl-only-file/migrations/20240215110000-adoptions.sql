CREATE TABLE adoptions (
    animal_id BIGINT NOT NULL REFERENCES animals (id),
    adopter TEXT NOT NULL,
    adopted_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
