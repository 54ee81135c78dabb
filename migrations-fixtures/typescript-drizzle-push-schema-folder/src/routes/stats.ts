import { sql } from "../db";

export async function topLinks(limit: number) {
  return sql`
    SELECT short_code, target_url, click_count
    FROM links
    WHERE status = 'active'
    ORDER BY click_count DESC
    LIMIT ${limit}
  `;
}

export async function recordClick(code: string) {
  await sql`UPDATE links SET click_count = click_count + 1, last_clicked_at = now() WHERE short_code = ${code}`;
}
