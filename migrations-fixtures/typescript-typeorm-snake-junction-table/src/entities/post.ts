import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from "typeorm";
import { Tag } from "./tag";

@Entity()
export class Post {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  title!: string;

  // post_tags_tag (post_id, tag_id): its migration was written for the snake strategy.
  @ManyToMany(() => Tag)
  @JoinTable()
  tags!: Tag[];
}
