/**
 * Drops the bench database and deletes the BullMQ keys of BENCH_STAMP's run, if anything is left (a run that
 * was killed, or an app that aborted during boot, skips bench/main.ts's own clean-up). Run by scripts/bench.sh on exit.
 */
import { BENCH_DB_NAME, BENCH_DB_URL, QUEUE_PREFIX, REDIS_URL } from './lib/env';
import Redis from 'ioredis';
import { Client } from 'pg';
import { dropDatabase } from './lib/db';

async function main(): Promise<void> {
  if (!process.env.BENCH_STAMP) return;
  const admin = new URL(BENCH_DB_URL);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString() });
  await c.connect();
  const found = (await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [BENCH_DB_NAME])).rowCount;
  await c.end();
  if (found) {
    await dropDatabase(BENCH_DB_URL);
    process.stderr.write(`[bench] cleanup: dropped ${BENCH_DB_NAME}\n`);
  }
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await r.connect();
    let cursor = '0';
    let n = 0;
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${QUEUE_PREFIX}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) n += await r.del(...keys);
    } while (cursor !== '0');
    if (n) process.stderr.write(`[bench] cleanup: deleted ${n} keys of ${QUEUE_PREFIX}\n`);
  } finally {
    r.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`[bench] cleanup failed: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
