-- The old application's schema, which the importer reads from.
CREATE TABLE "LEGACYUSER" (
    "ID" BIGINT PRIMARY KEY,
    "USERNAME" VARCHAR(255),
    "MAIL" VARCHAR(255)
);
