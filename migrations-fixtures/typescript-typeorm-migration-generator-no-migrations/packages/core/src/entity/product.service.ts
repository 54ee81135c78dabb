import { DataSource } from 'typeorm';

export async function enabledProductIds(dataSource: DataSource): Promise<number[]> {
    const rows = await dataSource.query('SELECT id FROM product WHERE enabled = true');
    return rows.map((r: { id: number }) => r.id);
}
