import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

/**
 * Who wrote in the last `windowMs` (read-your-writes, docs/architecture.md#read-replica): a Redis key per user with
 * that time to live, so every API process of a cluster (API_PROCESSES) sees a write made through any of them, and
 * a copy in this process, so the process that took the write sees it without Redis. When Redis does not answer,
 * `wroteRecently` says yes: the read goes to the primary, which is never behind.
 */
export class WriteMarks {
  private readonly logger = new Logger('ReadDb');
  private readonly local = new Map<string, number>();
  private readonly redis: Redis;
  private warnedAt = 0;

  constructor(
    redisUrl: string,
    private readonly prefix: string,
    private readonly windowMs: number,
  ) {
    // Fail fast rather than queue: a read must not wait for Redis to come back.
    this.redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
    this.redis.on('error', () => undefined);
  }

  async connect(): Promise<void> {
    await this.redis.connect().catch((e: Error) => this.warn('connect', e));
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }

  /** Marks the user as having written now; awaited before the write's answer leaves, so the next read sees it. */
  async note(userId: string): Promise<void> {
    if (this.windowMs <= 0) return;
    this.local.set(userId, Date.now() + this.windowMs);
    if (this.local.size > 10_000) this.sweep();
    try {
      await this.redis.set(this.key(userId), '1', 'PX', this.windowMs);
    } catch (e) {
      this.warn('note', e as Error);
    }
  }

  async wroteRecently(userId: string): Promise<boolean> {
    if (this.windowMs <= 0) return false;
    if ((this.local.get(userId) ?? 0) > Date.now()) return true;
    try {
      return (await this.redis.exists(this.key(userId))) > 0;
    } catch (e) {
      this.warn('check', e as Error);
      return true;
    }
  }

  private key(userId: string): string {
    return `${this.prefix}:read-your-writes:${userId}`;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [k, until] of this.local) if (until <= now) this.local.delete(k);
  }

  /** At most one warning a minute: a Redis outage must not flood the log. */
  private warn(what: string, e: Error): void {
    if (Date.now() - this.warnedAt < 60_000) return;
    this.warnedAt = Date.now();
    this.logger.warn(`Redis did not answer the read-your-writes ${what} (${e.message}); reads of users whose writes are unknown go to the primary`);
  }
}
