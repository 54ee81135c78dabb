// What the application asks of its entities.
import { dataSource } from "./data-source";
import { Article } from "./entities/article";
import { Post } from "./entities/post";

export const articlesWithCategories = () => dataSource.getRepository(Article).find({ relations: { categories: true } });

export const postsWithTags = () => dataSource.getRepository(Post).find({ relations: { tags: true } });
