// The moderation queue: users whose photos match a search or were rejected by a reviewer.
// Relation paths, a join of a table no entity maps, and conditions grouped with Brackets.
import { Brackets, NotBrackets, Repository } from "typeorm";
import { dataSource } from "./data-source";
import { Photo } from "./entities/photo";
import { User } from "./entities/user";

export class ModerationQueue {
  constructor(private readonly users: Repository<User>) {}

  async flagged(search: string, banned: string) {
    return this.users
      .createQueryBuilder("user")
      .leftJoinAndSelect("user.photos", "photo")
      .leftJoin("photo_reviews", "review", "review.photo_id = photo.id")
      .where(
        new Brackets((qb) => {
          qb.where("photo.caption ILIKE :search", { search }).orWhere("review.verdict = :verdict", { verdict: "rejected" });
        }),
      )
      .andWhere(new NotBrackets((qb) => qb.where("user.name = :banned", { banned })))
      .getMany();
  }

  async owners() {
    return dataSource
      .getRepository(Photo)
      .createQueryBuilder("photo")
      .innerJoin("photo.owner", "owner")
      .where("owner.name <> ''")
      .andWhere("photo.approvedBy IS NOT NULL")
      .getMany();
  }
}
