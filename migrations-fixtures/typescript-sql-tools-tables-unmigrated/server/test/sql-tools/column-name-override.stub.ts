// A stub for the schema generator's own tests: a table no database has.
import { Column, Table } from 'src/sql-tools';

@Table()
export class Table1 {
  @Column({ name: 'column-1' })
  column1!: string;
}
