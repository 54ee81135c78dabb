import type { Knex } from 'knex';
import { AbstractGroupQuery } from './group-query.abstract';

export class GroupQueryPostgres extends AbstractGroupQuery {
  multipleNumber(dbFieldName: string, precision: number): Knex.QueryBuilder {
    const column = this.knex.raw(
      `
      (
        SELECT jsonb_agg(ROUND(elem::numeric, ?))
        FROM jsonb_array_elements_text(??) as elem
      ) as ??
      `,
      [precision, dbFieldName, dbFieldName]
    );
    return this.originQueryBuilder.select(column);
  }

  latestValues(limit: number) {
    return this.knex.raw(
      'SELECT id, record_id, amounts FROM field_value ORDER BY updated_time DESC LIMIT ?',
      [limit]
    );
  }
}
