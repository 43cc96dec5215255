import { Client } from 'pg';

/**
 * Each jest worker runs its test files against a database and a BullMQ prefix of its own (the run's, suffixed with
 * the worker's number), so two files running at once never see each other's rows or jobs: the run's database is
 * migrated once, and each worker's is copied from it (CREATE DATABASE … TEMPLATE, a file copy).
 */
export function workerDatabaseUrl(runUrl: string, workerId: string | number): string {
  const url = new URL(runUrl);
  url.pathname = `${url.pathname}_w${workerId}`;
  return url.toString();
}

export function workerQueuePrefix(runPrefix: string, workerId: string | number): string {
  return `${runPrefix}_w${workerId}`;
}

function nameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

async function onServer<T>(runUrl: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const url = new URL(runUrl);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The workers' databases, copies of the migrated run database (which must have no other connection). */
export function createWorkerDatabases(runUrl: string, workers: number): Promise<void> {
  return onServer(runUrl, async (c) => {
    for (let id = 1; id <= workers; id++) {
      const name = nameOf(workerDatabaseUrl(runUrl, id));
      await c.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${quoted(name)} TEMPLATE ${quoted(nameOf(runUrl))}`);
    }
  });
}

/** Drops the run's database and every database named after it (the workers' and those tests made beside them). */
export function dropRunDatabases(runUrl: string): Promise<void> {
  return onServer(runUrl, async (c) => {
    const run = nameOf(runUrl);
    const { rows } = await c.query(`SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname, $1 || '_w')`, [run]);
    for (const r of rows as { datname: string }[]) await c.query(`DROP DATABASE IF EXISTS ${quoted(r.datname)} WITH (FORCE)`);
  });
}
