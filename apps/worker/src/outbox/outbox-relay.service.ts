import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@app/config';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { DEFAULT_JOB_OPTIONS, QueueName, throttledErrorLog } from '@app/queue';

const BATCH = 500;
const EPOCH_CHECK_MS = 5000;
/** Relayed rows younger than this are relayed again when Redis turns out to have lost its data. */
const REDRIVE_WINDOW = '1 day';
const ADD_TIMEOUT_MS = 5000;

/**
 * Moves outbox rows into BullMQ (job id = outbox id) and marks them sent, in one transaction
 * that holds the rows with SKIP LOCKED so several workers share the work. While Redis is down
 * the add fails, the transaction rolls back, and the rows wait for the next round.
 * See docs/architecture.md#the-outbox-and-the-relay.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private failing = false;
  private epochCheckedAt = 0;
  /** Called after Redis lost its data (e.g. to upsert the job schedulers again). */
  onRedisReset: (() => Promise<void>) | null = null;

  private readonly redis: Redis;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
    this.redis.on('error', () => undefined); // the relay loop reports and retries
  }

  onApplicationBootstrap(): void {
    // Queue connection errors while Redis is away: logged and throttled, not raw stacks on stderr.
    for (const name of Object.values(QueueName)) this.queue(name).on('error', throttledErrorLog(new Logger(`Queue ${name}`)));
    if (!this.config.outboxRelay) return;
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.redis.disconnect();
  }

  private queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  private async run(): Promise<void> {
    while (this.running) {
      let moved = 0;
      try {
        if (Date.now() - this.epochCheckedAt > EPOCH_CHECK_MS) await this.checkRedisEpoch();
        moved = await this.relayOnce();
        if (this.failing) this.logger.log('Outbox relay resumed');
        this.failing = false;
      } catch (e) {
        if (!this.failing) this.logger.warn(`Outbox relay waiting: ${(e as Error).message}`);
        this.failing = true;
      }
      if (moved < BATCH && this.running) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, this.failing ? this.config.outboxPollMs * 4 : this.config.outboxPollMs);
          this.wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
      }
    }
  }

  /**
   * Redis keeps a marker key; when it is gone, Redis was flushed or replaced and the jobs relayed
   * lately may be lost. Their outbox rows are relayed again (effects are idempotent, job ids dedupe),
   * and deadlines need nothing: they live in Postgres.
   */
  async checkRedisEpoch(): Promise<boolean> {
    if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
    const key = `${this.config.queuePrefix}:outbox-epoch`;
    if (await this.redis.exists(key)) {
      this.epochCheckedAt = Date.now();
      return false;
    }
    // The marker is set last: if Postgres or Redis fails in between, the next round does it all again.
    const redriven = await this.db.query(
      `WITH r AS (UPDATE outbox SET sent_at = NULL WHERE sent_at > now() - interval '${REDRIVE_WINDOW}' RETURNING id) SELECT count(*)::int AS n FROM r`,
    );
    if (redriven[0].n) this.logger.warn(`Redis lost its data: relaying ${redriven[0].n} recent outbox rows again`);
    await this.onRedisReset?.();
    await this.redis.set(key, new Date().toISOString());
    this.epochCheckedAt = Date.now();
    return true;
  }

  /** One batch; returns how many rows were relayed. */
  async relayOnce(): Promise<number> {
    return this.db.transaction(async (m) => {
      const rows: { id: string; queue: QueueName; job_name: string; payload: Record<string, unknown> }[] = await m.query(
        `SELECT id, queue, job_name, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (!rows.length) return 0;
      const byQueue = new Map<QueueName, typeof rows>();
      for (const r of rows) byQueue.set(r.queue, [...(byQueue.get(r.queue) ?? []), r]);
      for (const [name, list] of byQueue) {
        const add = this.queue(name).addBulk(
          list.map((r) => ({ name: r.job_name, data: r.payload, opts: { ...DEFAULT_JOB_OPTIONS, jobId: `outbox-${r.id}` } })),
        );
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([add, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('Redis did not answer')), ADD_TIMEOUT_MS)))]);
        } finally {
          clearTimeout(timer);
        }
      }
      await m.query(`UPDATE outbox SET sent_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }
}
