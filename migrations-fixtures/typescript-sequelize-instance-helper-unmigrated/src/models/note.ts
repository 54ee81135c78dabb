import { Column, DataType, Model, Table } from "sequelize-typescript";

// A note and the model that summarised it. No underscored option: columns are the property names.
@Table({ tableName: "notes" })
export class Note extends Model {
  @Column(DataType.TEXT)
  declare body: string;

  @Column(DataType.STRING)
  declare modelVersion: string | null;
}
