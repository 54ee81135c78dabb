import type { Knex } from 'knex';
import { AbstractGroupQuery } from './group-query.abstract';

export class GroupQuerySqlite extends AbstractGroupQuery {
  multipleNumber(dbFieldName: string, precision: number): Knex.QueryBuilder {
    // SQLite's JSON1 aggregate: the group key of a multi-value number cell
    const groupByColumn = this.knex.raw(
      `
      (
        SELECT json_group_array(ROUND(value, ?))
        FROM json_each(??)
      )
      `,
      [precision, dbFieldName]
    );
    return this.originQueryBuilder.groupBy(groupByColumn);
  }

  keyedValues(dbFieldName: string) {
    return this.knex.raw(
      'SELECT json_group_object(key, value) FROM json_each(??)',
      [dbFieldName]
    );
  }
}
