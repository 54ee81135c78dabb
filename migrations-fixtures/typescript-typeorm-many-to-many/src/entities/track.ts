import { Column, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn } from "typeorm";
import { Label } from "./label";
import { Playlist } from "./playlist";

@Entity()
export class Track {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column()
  title!: string;

  @ManyToMany(() => Playlist, (playlist) => playlist.tracks)
  playlists!: Playlist[];

  @ManyToMany(() => Label)
  @JoinTable({ name: "track_labels", joinColumn: { name: "track_id" }, inverseJoinColumn: { name: "label_code" } })
  labels!: Label[];
}
