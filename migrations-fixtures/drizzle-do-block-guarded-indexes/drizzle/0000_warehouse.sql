CREATE TABLE IF NOT EXISTS "Shelf" (
	"id" uuid PRIMARY KEY NOT NULL,
	"aisle" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "Stock" (
	"id" uuid PRIMARY KEY NOT NULL,
	"shelfId" uuid NOT NULL,
	"sku" text NOT NULL,
	"quantity" integer NOT NULL
);
--> statement-breakpoint
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'Stock_shelfId_idx') THEN
        CREATE INDEX "Stock_shelfId_idx" ON "Stock" USING btree ("shelfId" uuid_ops);
    END IF;
END $$;
--> statement-breakpoint
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'Shelf_aisle_key') THEN
        CREATE UNIQUE INDEX "Shelf_aisle_key" ON "Shelf" USING btree ("aisle");
    END IF;
END $$;
