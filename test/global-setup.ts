import { randomBytes } from 'node:crypto';
import type { Config } from '@jest/types';
import { DataSource } from 'typeorm';
// Relative imports: jest's moduleNameMapper does not apply to global setup.
import { dataSourceOptions } from '../libs/persistence/src/data-source-options';
import { ensureDatabase } from '../libs/persistence/src/ensure-database';
import { createWorkerDatabases } from './support/worker-databases';
import { ensureWebBuild } from './web/support/web-build';

/**
 * One database and one BullMQ prefix per test run (npm test sets them; a bare `npx jest` gets fresh ones), migrated
 * once and copied for each jest worker (test/support/worker-databases.ts; test/worker-env.ts points each file at its
 * worker's copy and prefix).
 */
export default async function globalSetup(globalConfig: Config.GlobalConfig): Promise<void> {
  const suffix = `${Date.now()}_${randomBytes(3).toString('hex')}`;
  if (!process.env.DATABASE_URL || !/cdcs_test_/.test(process.env.DATABASE_URL)) {
    const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    url.pathname = `/cdcs_test_${suffix}`;
    process.env.DATABASE_URL = url.toString();
  }
  process.env.QUEUE_PREFIX ??= `cdcs_test_${suffix}`;
  process.env.NODE_ENV = 'test';
  process.env.JWT_SECRET ??= `test-secret-${suffix}`;
  process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
  process.env.LOG_LEVEL ??= 'error';
  await ensureDatabase(process.env.DATABASE_URL);
  const ds = new DataSource(dataSourceOptions(process.env.DATABASE_URL, { extra: { max: 1 } }));
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
  await createWorkerDatabases(process.env.DATABASE_URL, Math.max(1, globalConfig.maxWorkers));
  // The dashboard is rebuilt (when its sources are newer) here, before any worker starts: a rebuild while another
  // worker's browser test is loading it would pull its files from under it.
  ensureWebBuild();
  process.env.CDCS_TEST_RUN_DATABASE_URL = process.env.DATABASE_URL;
  process.env.CDCS_TEST_RUN_QUEUE_PREFIX = process.env.QUEUE_PREFIX;
}
