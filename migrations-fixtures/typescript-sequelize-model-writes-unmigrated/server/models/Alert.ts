import { Column, DataType, Model, PrimaryKey, Table } from "sequelize-typescript";

@Table({ tableName: "alerts", modelName: "alert" })
class Alert extends Model {
  @PrimaryKey
  @Column(DataType.UUID)
  id: string;

  @Column(DataType.UUID)
  teamId: string;

  @Column(DataType.STRING)
  kind: string;

  @Column(DataType.DATE)
  snoozedUntil: Date | null;

  // Not an attribute: Sequelize leaves it out of every statement.
  note?: string;
}

export default Alert;
