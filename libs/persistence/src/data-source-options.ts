import { types } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { installAuditSessionTagging } from './audit/audit-session';

// Calendar days stay 'YYYY-MM-DD' strings: parsing them as local-midnight Dates shifts days across time zones.
types.setTypeParser(1082, (v: string) => v);

/**
 * Session settings of every connection. No JIT: its compile time (up to half a second a statement, seen on the
 * report figures, whose row estimates over-cost a few thousand index probes) is never won back by statements
 * that run in milliseconds to a few hundred.
 */
const SESSION_OPTIONS = '-c jit=off';

/**
 * The apps' session options: SESSION_OPTIONS plus a statement and a lock timeout (0 leaves either off), so one
 * stuck query or a lock wait cannot hold a pooled connection for ever (docs/architecture.md#faults-and-backups).
 */
export function appSessionOptions(t: { statementTimeoutMs: number; lockTimeoutMs: number }): string {
  return `${SESSION_OPTIONS} -c statement_timeout=${t.statementTimeoutMs} -c lock_timeout=${t.lockTimeoutMs}`;
}

/** The one DataSource configuration, shared by the apps, the CLI and the tests. */
export function dataSourceOptions(databaseUrl: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  // Every connection carries the audit context of the statement it sends (docs/architecture.md#audit-log).
  installAuditSessionTagging();
  const extra = { max: 10, application_name: 'cdcs', options: SESSION_OPTIONS, ...((overrides as { extra?: object }).extra ?? {}) };
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    ...overrides,
    extra,
  } as DataSourceOptions;
}
