-- Applied by hand with psql, in numeric order.
CREATE TYPE visit_kind AS ENUM ('checkup', 'vaccination', 'surgery');

CREATE TABLE owners (
    id     serial PRIMARY KEY,
    name   text NOT NULL,
    phone  text
);

CREATE TABLE pets (
    id        serial PRIMARY KEY,
    owner_id  int NOT NULL REFERENCES owners (id),
    name      text NOT NULL,
    species   text NOT NULL,
    born_on   date
);

CREATE TABLE visits (
    id        serial PRIMARY KEY,
    pet_id    int NOT NULL REFERENCES pets (id),
    kind      visit_kind NOT NULL,
    visit_on  date NOT NULL,
    notes     text
);

CREATE TABLE reminders (
    id       serial PRIMARY KEY,
    pet_id   int NOT NULL,
    due_on   date NOT NULL,
    sent     boolean NOT NULL DEFAULT false
);
