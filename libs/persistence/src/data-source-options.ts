import { types } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

// Calendar days stay 'YYYY-MM-DD' strings: parsing them as local-midnight Dates shifts days across time zones.
types.setTypeParser(1082, (v: string) => v);

/** The one DataSource configuration, shared by the apps, the CLI and the tests. */
export function dataSourceOptions(databaseUrl: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    extra: { max: 10, application_name: 'cdcs' },
    ...overrides,
  } as DataSourceOptions;
}
