import { Column, DataType, DeletedAt } from "sequelize-typescript";
import KeyedModel from "./KeyedModel";

// Soft deletion and shelving: no migration adds shelvedAt to the boards table.
class ShelvedModel extends KeyedModel {
  @DeletedAt
  deletedAt: Date | null;

  @Column(DataType.DATE)
  shelvedAt: Date | null;
}

export default ShelvedModel;
