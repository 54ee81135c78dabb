// Columns every content table has.
import { Column, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

export abstract class Content {
  @PrimaryGeneratedColumn()
  id!: number;

  @UpdateDateColumn({ name: "updated_at" })
  updatedAt!: Date;
}
