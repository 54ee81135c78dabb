import { DataSource } from "typeorm";
import { Label } from "./entities/label";
import { Playlist } from "./entities/playlist";
import { Track } from "./entities/track";

export const dataSource = new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL,
  entities: [Playlist, Track, Label],
});
