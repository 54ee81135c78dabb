import { BelongsTo, Column, CreatedAt, DataType, ForeignKey, Model, PrimaryKey, AutoIncrement, Table } from "sequelize-typescript";
import { Tenant } from "./tenant";

@Table({ tableName: "llm_results" })
export class LlmResult extends Model {
  @PrimaryKey
  @AutoIncrement
  @Column(DataType.BIGINT)
  declare id: number;

  @ForeignKey(() => Tenant)
  @Column
  declare tenantId: number;

  @BelongsTo(() => Tenant)
  declare tenant: Tenant;

  @Column({ type: DataType.STRING(64), allowNull: false })
  declare promptHash: string;

  @Column({ type: DataType.TEXT, field: "output_text" })
  declare output: string;

  @Column({ type: DataType.STRING, allowNull: false })
  declare modelVersion: string;

  @Column(DataType.VIRTUAL)
  get preview(): string {
    return this.output.slice(0, 80);
  }

  @CreatedAt
  declare createdOn: Date;
}
