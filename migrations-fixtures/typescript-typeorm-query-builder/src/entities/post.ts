// A post and the summary the worker writes for it.
import { Column, Entity, JoinColumn, ManyToOne } from "typeorm";
import { Account } from "./account";
import { Content } from "./base";

@Entity("posts")
export class Post extends Content {
  @Column()
  title!: string;

  @Column("text")
  body!: string;

  @ManyToOne(() => Account, (account) => account.posts)
  @JoinColumn({ name: "account_id" })
  account!: Account;

  @Column({ name: "summary", nullable: true })
  summary!: string | null;

  @Column({ name: "summary_model", nullable: true })
  summaryModel!: string | null;
}
