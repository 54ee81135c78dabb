ALTER TABLE {{index .Options "Namespace"}}.accounts DROP COLUMN IF EXISTS phone;
