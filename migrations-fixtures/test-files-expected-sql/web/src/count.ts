export function buildCount(table: string): string {
  return `SELECT count(*) FROM ${table}`;
}
