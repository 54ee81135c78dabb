import { UpdateIdColumn } from 'src/decorators';
import { TenantTable } from 'src/schema/tables/tenant.table';
import { Column, CreateDateColumn, ForeignKeyColumn, PrimaryGeneratedColumn, Table } from 'src/sql-tools';

@Table({ name: 'llm_results' })
export class LlmResultTable {
  @PrimaryGeneratedColumn()
  id!: string;

  @ForeignKeyColumn(() => TenantTable, { onDelete: 'CASCADE', name: 'tenant_id' })
  tenantId!: string;

  @Column({ name: 'prompt_hash' })
  promptHash!: string;

  @Column({ type: 'text' })
  output!: string;

  @Column({ name: 'model_version', nullable: true })
  modelVersion!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateIdColumn()
  updateId!: string;

  @Column({ type: 'vector', synchronize: false })
  embedding!: string;
}
