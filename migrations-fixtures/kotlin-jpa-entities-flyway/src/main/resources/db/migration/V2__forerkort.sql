CREATE TABLE forerkort (
    id BIGSERIAL PRIMARY KEY,
    klasse TEXT NOT NULL
);
