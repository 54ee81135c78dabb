import { Column, DataType, Model, Table } from "sequelize-typescript";

// sequelize-cli's own record of the migrations it ran: it creates the table, no migration does.
@Table({ tableName: "SequelizeMeta", timestamps: false })
export class SequelizeMeta extends Model {
  @Column({ primaryKey: true, type: DataType.STRING(255) })
  declare name: string;
}
