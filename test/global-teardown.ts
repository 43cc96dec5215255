import Redis from 'ioredis';
import { dropDatabase } from '../libs/persistence/src/ensure-database';

/** Drops the run's database and deletes its BullMQ keys. */
export default async function globalTeardown(): Promise<void> {
  if (process.env.DATABASE_URL && /cdcs_test_/.test(process.env.DATABASE_URL) && process.env.KEEP_TEST_DB !== '1') {
    await dropDatabase(process.env.DATABASE_URL);
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
