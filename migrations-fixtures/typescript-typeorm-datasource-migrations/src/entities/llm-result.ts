// One LLM answer per tenant and prompt. Repository.find() selects every column below.
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Tenant } from "./tenant";

@Entity({ name: "llm_results" })
export class LlmResult {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @ManyToOne(() => Tenant)
  @JoinColumn({ name: "tenant_id" })
  tenant!: Tenant;

  @Column({ name: "prompt_hash" })
  promptHash!: string;

  @Column("text")
  output!: string;

  @Column({ name: "tokens_used", default: 0 })
  tokensUsed!: number;

  @Column({ name: "model_version" })
  modelVersion!: string;

  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;
}
