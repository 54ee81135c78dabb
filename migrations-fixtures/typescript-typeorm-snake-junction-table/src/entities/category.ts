import { Column, Entity, PrimaryColumn } from "typeorm";

@Entity()
export class Category {
  @PrimaryColumn()
  slug!: string;

  @Column()
  name!: string;
}
