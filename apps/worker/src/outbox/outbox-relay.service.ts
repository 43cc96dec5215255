import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { DEFAULT_JOB_OPTIONS, QueueName } from '@app/queue';

const BATCH = 500;
const IDLE_MS = Number(process.env.OUTBOX_POLL_MS ?? 250);
const ADD_TIMEOUT_MS = 5000;

/**
 * Moves outbox rows into BullMQ (job id = outbox id) and marks them sent, in one transaction
 * that holds the rows with SKIP LOCKED so several workers share the work. While Redis is down
 * the add fails, the transaction rolls back, and the rows wait for the next round.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private failing = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    if (process.env.OUTBOX_RELAY === 'false') return;
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  private async run(): Promise<void> {
    while (this.running) {
      let moved = 0;
      try {
        moved = await this.relayOnce();
        if (this.failing) this.logger.log('Outbox relay resumed');
        this.failing = false;
      } catch (e) {
        if (!this.failing) this.logger.warn(`Outbox relay waiting: ${(e as Error).message}`);
        this.failing = true;
      }
      if (moved < BATCH && this.running) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, this.failing ? IDLE_MS * 4 : IDLE_MS);
          this.wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
      }
    }
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
        await Promise.race([add, new Promise((_, reject) => setTimeout(() => reject(new Error('Redis did not answer')), ADD_TIMEOUT_MS))]);
      }
      await m.query(`UPDATE outbox SET sent_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }
}
