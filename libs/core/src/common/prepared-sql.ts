import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/**
 * A statement of a hot path, sent as a named prepared statement: Postgres parses and plans it once
 * per connection instead of on every call (an unnamed statement is re-parsed and re-planned each time).
 * Its result columns must be listed, never `*`: a column added by a migration would otherwise fail
 * the running app's cached statements ("cached plan must not change result type").
 */
export interface PreparedSql {
  readonly name: string;
  readonly text: string;
}

const byText = new Map<string, PreparedSql>();

/** The statement for `text`; its name is derived from the text, so the same text always has the same name. */
export function preparedSql(text: string): PreparedSql {
  let stmt = byText.get(text);
  if (!stmt) byText.set(text, (stmt = { name: `cdcs_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text }));
  return stmt;
}

/** Where a prepared statement runs: the pool (one statement, autocommit) or a transaction's connection. */
export type SqlTarget = Pool | PoolClient;

/** The pg pool under the app's DataSource. */
export function poolOf(db: DataSource): Pool {
  return (db.driver as unknown as { master: Pool }).master;
}

/** The connection of the transaction `m` runs in. */
export async function connectionOf(m: EntityManager): Promise<PoolClient> {
  if (!m.queryRunner?.isTransactionActive) throw new Error('connectionOf: not in a transaction');
  return (await m.queryRunner.connect()) as PoolClient;
}

/** Runs a prepared statement; failures surface as TypeORM's QueryFailedError, like `m.query()`'s. */
// A row as pg returns it: columns are typed by the code that reads them (row interfaces, *FromRaw).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RawRow = Record<string, any>;

export async function runSql(target: SqlTarget, stmt: PreparedSql, values: unknown[]): Promise<RawRow[]> {
  try {
    return (await target.query({ name: stmt.name, text: stmt.text, values })).rows;
  } catch (e) {
    throw new QueryFailedError(stmt.text, values, e as Error);
  }
}
