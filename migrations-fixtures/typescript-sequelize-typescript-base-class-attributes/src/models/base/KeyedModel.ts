import { Column, CreatedAt, DataType, Model, PrimaryKey, UpdatedAt } from "sequelize-typescript";

// Every model's key and timestamps, declared once.
class KeyedModel extends Model {
  @PrimaryKey
  @Column(DataType.UUID)
  id: string;

  @CreatedAt
  createdAt: Date;

  @UpdatedAt
  updatedAt: Date;
}

export default KeyedModel;
