import type { Knex } from 'knex';

export abstract class AbstractGroupQuery {
  constructor(
    protected readonly knex: Knex,
    protected readonly originQueryBuilder: Knex.QueryBuilder
  ) {}

  abstract multipleNumber(dbFieldName: string, precision: number): Knex.QueryBuilder;
}
