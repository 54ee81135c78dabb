ALTER TABLE "fleet_vehicles" ADD COLUMN "odometer" bigint NULL;
