ALTER TABLE {{index .Options "Namespace"}}.accounts ADD COLUMN IF NOT EXISTS phone text;
