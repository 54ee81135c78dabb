// The one DataSource: names TypeORM makes up (columns, join columns, junction tables) are snake case.
import { DataSource } from "typeorm";
import { SnakeNamingStrategy } from "typeorm-naming-strategies";
import { Article } from "./entities/article";
import { Category } from "./entities/category";
import { Post } from "./entities/post";
import { Tag } from "./entities/tag";

export const dataSource = new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL,
  entities: [Article, Category, Post, Tag],
  namingStrategy: new SnakeNamingStrategy(),
});
