ALTER TABLE "account" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;
