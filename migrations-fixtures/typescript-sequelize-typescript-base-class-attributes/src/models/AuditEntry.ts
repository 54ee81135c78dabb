import { Column, DataType, Table } from "sequelize-typescript";
import KeyedModel from "./base/KeyedModel";

// The base class's @UpdatedAt is turned off here: Sequelize neither reads nor writes updatedAt.
@Table({ tableName: "audit_entries", updatedAt: false })
class AuditEntry extends KeyedModel {
  @Column(DataType.STRING)
  action: string;
}

export default AuditEntry;
