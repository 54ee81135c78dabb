import { Column, Entity, PrimaryColumn } from "typeorm";

@Entity()
export class Label {
  @PrimaryColumn()
  code!: string;

  @Column()
  name!: string;
}
