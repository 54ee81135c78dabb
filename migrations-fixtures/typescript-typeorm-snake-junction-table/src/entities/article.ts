import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from "typeorm";
import { Category } from "./category";

@Entity()
export class Article {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  headline!: string;

  // Its junction table was generated before the project moved to SnakeNamingStrategy: its
  // columns are "articleId" and "categorySlug", and saving categories writes article_id and
  // category_slug.
  @ManyToMany(() => Category)
  @JoinTable()
  categories!: Category[];
}
