CREATE TABLE invoices (
    id          serial PRIMARY KEY,
    visit_id    int NOT NULL REFERENCES visits (id),
    amount      numeric(10, 2) NOT NULL,
    paid_on     date
);
