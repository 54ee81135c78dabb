import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from "typeorm";
import { Track } from "./track";

@Entity()
export class Playlist {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  title!: string;

  // The junction table is named by TypeORM's default naming strategy.
  @ManyToMany(() => Track, (track) => track.playlists)
  @JoinTable()
  tracks!: Track[];
}
