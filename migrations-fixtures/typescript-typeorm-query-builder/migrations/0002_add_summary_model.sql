ALTER TABLE posts ADD COLUMN summary_model text;
