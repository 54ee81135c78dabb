// One LLM answer per tenant and prompt. Repository.find() selects every column below.
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Tenant } from "./tenant";

@Entity()
export class LlmResult {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @ManyToOne(() => Tenant)
  @JoinColumn({ name: "tenant_id" })
  tenant!: Tenant;

  @Column()
  promptHash!: string;

  @Column("text")
  output!: string;

  @Column({ default: 0 })
  tokensUsed!: number;

  @Column()
  modelVersion!: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;
}
