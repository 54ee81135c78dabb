import { and, eq, isNull } from "drizzle-orm";
import { db } from "../db";
import { depot as depotTable, vehicle as vehicleTable } from "../db/schema";

// The models imported under other names are the same tables.
export async function retireVehicle(vehicleId: string) {
  return db
    .update(vehicleTable)
    .set({ retiredAt: new Date() })
    .where(eq(vehicleTable.vehicleId, vehicleId))
    .returning();
}

export async function activeVehiclesAt(depotId: string) {
  return db
    .select({ plate: vehicleTable.plate, depot: depotTable.name })
    .from(vehicleTable)
    .innerJoin(depotTable, eq(depotTable.depotId, vehicleTable.depotId))
    .where(and(eq(vehicleTable.depotId, depotId), isNull(vehicleTable.retiredAt)));
}
