DROP TABLE "fleet_vehicles"; DROP TABLE "people"; DROP TABLE "depots";
