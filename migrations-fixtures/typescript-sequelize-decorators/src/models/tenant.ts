import { Column, DataType, HasMany, Model, Table } from "sequelize-typescript";
import { LlmResult } from "./llm-result";

@Table({ tableName: "tenants" })
export class Tenant extends Model {
  @Column(DataType.STRING)
  declare name: string;

  @HasMany(() => LlmResult)
  declare results: LlmResult[];
}
