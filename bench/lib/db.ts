import { Client, Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/persistence/src/data-source-options';
import { dropDatabase, ensureDatabase } from '../../libs/persistence/src/ensure-database';

/** Creates the bench database and runs the migrations, as test/global-setup.ts does. */
export async function createMigratedDatabase(url: string): Promise<void> {
  await ensureDatabase(url);
  const ds = new DataSource(dataSourceOptions(url, { extra: { max: 1 } }));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

export { dropDatabase };

export function pool(url: string, max = 10, name = 'cdcs-bench'): Pool {
  const p = new Pool({ connectionString: url, max, application_name: name });
  p.on('error', () => undefined);
  return p;
}

export async function withClient<T>(p: Pool, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  const c = await p.connect();
  try {
    return await fn(c);
  } finally {
    c.release();
  }
}

export async function one<T = any>(c: Pool | Client | PoolClient, sql: string, params: unknown[] = []): Promise<T> {
  const r = await c.query(sql, params);
  return r.rows[0] as T;
}

interface SavedDdl {
  indexes: string[];
  constraints: { table: string; name: string; def: string }[];
}

/**
 * Bulk-load helper: drops the secondary indexes and the foreign keys of `tables` (primary keys
 * stay), runs `load`, then recreates them exactly as they were (definitions read back from the
 * catalog). Building an index once is much faster than maintaining it row by row.
 */
export async function withoutSecondaryIndexes(c: PoolClient | Client, tables: string[], load: () => Promise<void>): Promise<void> {
  const saved: SavedDdl = { indexes: [], constraints: [] };
  const idx = await c.query(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('p'))`,
    [tables],
  );
  const fks = await c.query(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY($1)`,
    [tables],
  );
  saved.indexes = idx.rows.map((r) => r.def);
  saved.constraints = fks.rows;
  for (const k of saved.constraints) await c.query(`ALTER TABLE ${k.table} DROP CONSTRAINT "${k.name}"`);
  for (const r of idx.rows) await c.query(`DROP INDEX ${r.name}`);
  try {
    await load();
  } finally {
    await c.query(`SET maintenance_work_mem = '512MB'`);
    for (const def of saved.indexes) await c.query(def);
    for (const k of saved.constraints) await c.query(`ALTER TABLE ${k.table} ADD CONSTRAINT "${k.name}" ${k.def}`);
    await c.query(`RESET maintenance_work_mem`);
  }
}
