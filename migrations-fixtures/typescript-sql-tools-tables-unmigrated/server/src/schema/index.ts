import { GeodataPlacesTable } from 'src/schema/tables/geodata.table';
import { LlmResultTable } from 'src/schema/tables/llm-result.table';
import { TenantTable } from 'src/schema/tables/tenant.table';
import { Database } from 'src/sql-tools';

@Database({ name: 'app' })
export class AppDatabase {
  tables = [TenantTable, LlmResultTable, GeodataPlacesTable];
}
