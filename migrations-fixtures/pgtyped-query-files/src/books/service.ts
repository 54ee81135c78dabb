import { findBookById, booksByRank } from './books.queries';
import { pool } from '../db';

export async function bookPage(id: number) {
  const [book] = await findBookById.run({ id }, pool);
  const ranked = await booksByRank.run({ since: new Date(0), minRank: 3 }, pool);
  return { book, ranked };
}
