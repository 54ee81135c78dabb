import { DataSource } from "typeorm";
import { Photo } from "./entities/photo";
import { User } from "./entities/user";

export const dataSource = new DataSource({ type: "postgres", url: process.env.DATABASE_URL, entities: [User, Photo] });
