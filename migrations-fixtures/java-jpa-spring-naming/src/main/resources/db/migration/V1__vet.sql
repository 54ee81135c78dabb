CREATE TABLE pet_type (
    id BIGSERIAL PRIMARY KEY,
    display_name TEXT,
    sort_order INTEGER NOT NULL
);

CREATE TABLE vets (
    id BIGINT PRIMARY KEY,
    first_name TEXT,
    license_no TEXT
);

CREATE TABLE clinic_visit (
    id BIGSERIAL PRIMARY KEY,
    visit_date DATE,
    pet_type_id BIGINT REFERENCES pet_type (id),
    vet_id BIGINT REFERENCES vets (id),
    -- Visit.billingAddress (an @Embeddable): Spring's implicit naming adds no prefix.
    street_line TEXT,
    city TEXT
);
