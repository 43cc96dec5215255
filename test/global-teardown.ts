import Redis from 'ioredis';
import { dropRunDatabases } from './support/worker-databases';

/** Drops the run's databases (its own and its workers') and deletes its BullMQ keys (the workers' prefixes start with the run's). */
export default async function globalTeardown(): Promise<void> {
  if (process.env.DATABASE_URL && /cdcs_test_/.test(process.env.DATABASE_URL) && process.env.KEEP_TEST_DB !== '1') {
    await dropRunDatabases(process.env.DATABASE_URL);
  }
  const prefix = process.env.QUEUE_PREFIX;
  if (prefix && prefix.startsWith('cdcs_test_') && process.env.REDIS_URL) {
    const redis = new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
    try {
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
    } catch {
      // Redis gone: nothing of ours is left in it.
    } finally {
      redis.disconnect();
    }
  }
}
