ALTER TABLE "fleet_vehicles" DROP COLUMN "odometer";
