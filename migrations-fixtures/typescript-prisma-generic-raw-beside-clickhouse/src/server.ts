import { createClient } from "@clickhouse/client";

export const clickhouseClient = () => createClient({ url: process.env.CLICKHOUSE_URL });
