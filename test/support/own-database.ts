import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@app/persistence';
import { dropDatabase, ensureDatabase } from '../../libs/persistence/src/ensure-database';

/**
 * A database of a suite's own beside the run's (its name suffixed), migrated, for suites whose rows or
 * database-wide changes the other suites must not see. Initialising the data source also installs the audit
 * tagging of pg connections. Drop it with `dropDatabase(url)` afterwards.
 */
export async function ownMigratedDatabase(suffix: string): Promise<string> {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_${suffix}`;
  const own = url.toString();
  await ensureDatabase(own);
  const ds = await new DataSource(dataSourceOptions(own, { extra: { max: 1 } })).initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
  return own;
}

export { dropDatabase };
