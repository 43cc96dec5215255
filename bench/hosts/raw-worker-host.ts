/** Child process: the baseline, a plain BullMQ Worker with a no-op processor (same concurrency as the app's SYSTEM queue). */
import { Worker } from 'bullmq';
import { redisConnection } from '../../libs/queue/src/redis-connection';

async function main(): Promise<void> {
  const queue = process.env.BENCH_RAW_QUEUE!;
  const concurrency = Number(process.env.BENCH_RAW_CONCURRENCY ?? 8);
  const worker = new Worker(queue, async (job) => ({ pong: job.data?.pingId }), {
    connection: redisConnection(process.env.REDIS_URL!),
    prefix: process.env.QUEUE_PREFIX!,
    concurrency,
  });
  await worker.waitUntilReady();
  process.on('message', (m: { type: string }) => {
    if (m?.type === 'stop') {
      void worker.close().finally(() => process.exit(0));
    }
  });
  // The bench driver died (killed, timed out): do not outlive it.
  process.on('disconnect', () => process.exit(0));
  process.send!({ type: 'ready' });
}

main().catch((e) => {
  process.stderr.write(`raw-worker-host: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
