// Column decorators of the project, built on sql-tools.
import { Column, ColumnOptions } from 'src/sql-tools';

const GeneratedUuidV7Column = (options: Omit<ColumnOptions, 'type' | 'default'> = {}) =>
  Column({ ...options, type: 'uuid', nullable: false, default: () => 'immich_uuid_v7()' });

export const UpdateIdColumn = (options: Omit<ColumnOptions, 'type' | 'default'> = {}) => GeneratedUuidV7Column(options);
