import { Column, Table } from 'src/sql-tools';

// Loaded by an import job that creates the table itself: the migrations do not manage it.
@Table({ name: 'geodata_places', synchronize: false })
export class GeodataPlacesTable {
  @Column()
  name!: string;
}
