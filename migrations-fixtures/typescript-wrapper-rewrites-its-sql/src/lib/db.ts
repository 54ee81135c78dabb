import debug from 'debug';
import { PrismaClient } from '@prisma/client';

const log = debug('app:prisma');
const client = new PrismaClient();

// The project's wrapper: {{name}} placeholders become $n before the query is sent. Its SQL is
// each caller's, checked there; the calls below are not queries of their own.
export async function rawQuery(sql: string, data: Record<string, any>, name?: string): Promise<any> {
  if (process.env.LOG_QUERY) {
    log('QUERY:\n', sql);
    log('NAME:\n', name);
  }
  const params = [];

  const query = sql?.replaceAll(/\{\{\s*(\w+)(::\w+)?\s*}}/g, (...args) => {
    const [, key, type] = args;
    params.push(data[key]);
    return `$${params.length}${type ?? ''}`;
  });

  return client.$queryRawUnsafe(query, ...params);
}

// A page of a caller's query: its count and its rows, both through rawQuery.
export async function pagedRawQuery(query: string, queryParams: Record<string, any>, limit: number) {
  const count = await rawQuery(`select count(*) as num from (${query}) t`, queryParams);
  const data = await rawQuery(`${query} limit ${+limit}`, queryParams);
  return { data, count };
}
