import { DataSource } from "typeorm";
import { Account } from "./entities/account";
import { Post } from "./entities/post";

export const dataSource = new DataSource({ type: "postgres", url: process.env.DATABASE_URL, entities: [Account, Post] });
