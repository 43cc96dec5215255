import type { RedisOptions } from 'bullmq';

/** ioredis options for BullMQ from REDIS_URL; workers need maxRetriesPerRequest null. */
export function redisConnection(redisUrl: string, forWorker = true): RedisOptions {
  const u = new URL(redisUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname && u.pathname !== '/' ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: forWorker ? null : 1,
    enableOfflineQueue: forWorker,
    // Keep retrying while Redis is away; BullMQ resumes when it answers again.
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
}
