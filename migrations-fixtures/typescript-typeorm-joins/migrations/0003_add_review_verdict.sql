ALTER TABLE photo_reviews ADD COLUMN verdict text;
