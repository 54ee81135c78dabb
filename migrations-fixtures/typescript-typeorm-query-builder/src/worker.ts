// Summarises the newest posts of paying accounts with an LLM and stores each summary through
// TypeORM's query builder.
import { Brackets, Repository } from "typeorm";
import { dataSource } from "./data-source";
import { Account } from "./entities/account";
import { Post } from "./entities/post";

export class SummaryWorker {
  constructor(private readonly posts: Repository<Post>) {}

  async pending(plans: string[]) {
    return this.posts
      .createQueryBuilder("post")
      .select(["post.id", "post.title", "post.body"])
      .innerJoin("post.account", "account")
      .where("post.summaryModel IS NULL")
      .andWhere("account.plan IN (:...plans)", { plans })
      .andWhere("LOWER(account.email) NOT LIKE '%@example.com'")
      .andWhere(new Brackets((qb) => qb.where("post.title <> ''")))
      .orderBy("post.updatedAt", "DESC")
      .take(50)
      .getMany();
  }

  async store(post: Post, summary: string, model: string) {
    await dataSource
      .createQueryBuilder()
      .update(Post)
      .set({ summary, summaryModel: model })
      .where("id = :id", { id: post.id })
      .execute();
  }

  async audit(post: Post, model: string) {
    await dataSource.manager
      .createQueryBuilder()
      .insert()
      .into(Post)
      .values({ title: `audit of ${post.id}`, body: "", summaryModel: model })
      .execute();
  }

  async countByModel() {
    return dataSource
      .getRepository(Post)
      .createQueryBuilder("p")
      .select('p."summary_model"', "model")
      .addSelect("COUNT(*)", "n")
      .leftJoin(Account, "a", "a.id = p.account_id")
      .where("a.display_name <> ''")
      .groupBy("p.summary_model")
      .getRawMany();
  }
}
