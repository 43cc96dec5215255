import { getQueueToken } from '@nestjs/bullmq';
import { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QueueName } from '@app/queue';
import { createWorker } from '../../apps/worker/src/main';

/** A real worker (BullMQ processors, outbox relay) in this process, on the run's Redis prefix. */
export class TestWorker {
  private constructor(readonly app: INestApplication) {}

  static async start(): Promise<TestWorker> {
    const app = await createWorker();
    await app.init();
    return new TestWorker(app);
  }

  queue(name: QueueName): Queue {
    return this.app.get<Queue>(getQueueToken(name), { strict: false });
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

/** Polls until `check` returns a truthy value (or throws after `ms`), for effects of background work. */
export async function eventually<T>(check: () => Promise<T>, ms = 15000, every = 100): Promise<T> {
  const until = Date.now() + ms;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, every));
  }
  throw new Error(`Condition not met within ${ms} ms${last ? `: ${(last as Error).message}` : ''}`);
}
