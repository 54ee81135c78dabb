-- Before full schema 10: a work table that a background update empties and drops.
CREATE TABLE _notes_to_recount AS SELECT id FROM notes;
