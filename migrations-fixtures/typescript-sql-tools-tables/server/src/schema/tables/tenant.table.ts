import { Column, PrimaryGeneratedColumn, Table } from 'src/sql-tools';

@Table('tenants')
export class TenantTable {
  @PrimaryGeneratedColumn()
  id!: string;

  @Column()
  name!: string;
}
