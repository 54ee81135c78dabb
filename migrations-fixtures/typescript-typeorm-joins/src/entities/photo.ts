// A photo; moderators review it in photo_reviews, a table the application reads without an entity.
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { User } from "./user";

@Entity("photos")
export class Photo {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  caption!: string;

  @ManyToOne(() => User, (user) => user.photos)
  @JoinColumn({ name: "owner_id" })
  owner!: User;

  // No @JoinColumn: the default naming strategy names the column approvedById.
  @ManyToOne(() => User)
  approvedBy!: User | null;
}
