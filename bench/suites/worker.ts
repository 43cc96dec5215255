import { Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, JobName, QUEUE_OF_JOB, QueueName, redisConnection } from '@app/queue';
import { Host } from '../lib/children';
import { Ctx, Row } from '../lib/context';
import { median, now } from '../lib/stats';

const CHUNK = 500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * No-op jobs (JobName.HEALTH_PING) through the worker app's SYSTEM queue, processed by the real
 * worker (createWorker, its own process), and the outbox relay (N outbox rows inserted at once,
 * time until all relayed and processed), against a plain BullMQ Queue + Worker with a no-op
 * processor (its own process, same concurrency 8). Producers add in chunks of 500 with the app's
 * DEFAULT_JOB_OPTIONS on both sides; time from the first add until the queue is drained.
 */
export async function workerSuite(ctx: Ctx, worker: Host, raw: Host, rawQueueName: string): Promise<void> {
  const { scale, pg } = ctx;
  const connection = redisConnection(ctx.redisUrl);
  const system = new Queue(QueueName.SYSTEM, { connection, prefix: ctx.queuePrefix });
  const plain = new Queue(rawQueueName, { connection, prefix: ctx.queuePrefix });
  let seq = 0;

  const drained = async (q: Queue) => {
    const c = await q.getJobCounts('wait', 'active', 'delayed', 'prioritized', 'waiting-children');
    return Object.values(c).every((n) => n === 0);
  };
  const addAndDrain = async (q: Queue, name: string, n: number) => {
    const failedBefore = await q.getFailedCount();
    const t0 = now();
    for (let i = 0; i < n; i += CHUNK) {
      const jobs = Array.from({ length: Math.min(CHUNK, n - i) }, () => ({ name, data: { pingId: `b${++seq}` }, opts: { ...DEFAULT_JOB_OPTIONS } }));
      await q.addBulk(jobs);
    }
    while (!(await drained(q))) await sleep(5);
    const ms = now() - t0;
    const failed = (await q.getFailedCount()) - failedBefore;
    if (failed) throw new Error(`${failed} jobs failed on ${q.name}`);
    return (n / ms) * 1000;
  };
  const outboxRun = async (n: number) => {
    const t0 = now();
    await pg.query(`INSERT INTO outbox (queue, job_name, payload) SELECT $1, $2, jsonb_build_object('pingId', 'o' || g) FROM generate_series(1, $3) g`, [
      QUEUE_OF_JOB[JobName.HEALTH_PING],
      JobName.HEALTH_PING,
      n,
    ]);
    for (;;) {
      const [{ pending }] = (await pg.query(`SELECT count(*)::int AS pending FROM outbox WHERE sent_at IS NULL`)).rows;
      if (pending === 0 && (await drained(system))) break;
      await sleep(5);
    }
    return (n / (now() - t0)) * 1000;
  };

  // Warm up both workers.
  await addAndDrain(plain, 'noop', 200);
  await addAndDrain(system, JobName.HEALTH_PING, 200);
  await outboxRun(200);
  worker.resetPeak();
  raw.resetPeak();
  const w0 = worker.memory();
  const r0 = raw.memory();

  const base: number[] = [];
  const noop: number[] = [];
  const relay: number[] = [];
  for (let r = 0; r < scale.rounds; r++) {
    base.push(await addAndDrain(plain, 'noop', scale.workerJobs));
    noop.push(await addAndDrain(system, JobName.HEALTH_PING, scale.workerJobs));
    relay.push(await outboxRun(scale.outboxRows));
    ctx.log(`  worker r${r}: raw BullMQ ${base[r].toFixed(0)} jobs/s, worker app ${noop[r].toFixed(0)} jobs/s, outbox relay ${relay[r].toFixed(0)} jobs/s`);
  }
  const mk = (name: string, values: number[], note: string, target?: { text: string; min: number }): Row => {
    const row: Row = {
      section: 'worker',
      name,
      baseline: 'plain BullMQ Queue.addBulk → Worker (no-op processor, concurrency 8, own process)',
      unit: 'jobs/s',
      system: median(values),
      base: median(base),
      ratio: NaN,
      rounds: { system: values, base },
      note,
    };
    row.ratio = row.system / row.base;
    if (target) row.target = { text: target.text, met: row.ratio >= target.min };
    return row;
  };
  ctx.rows.push(
    mk(
      `no-op HEALTH_PING jobs through the worker app, ${scale.workerJobs.toLocaleString('en-US')} jobs`,
      noop,
      "Queue.addBulk into the app's SYSTEM queue; processed by its @Processor → JobRegistry → HealthPingHandler",
      { text: '≥ 0.6', min: 0.6 },
    ),
  );
  ctx.rows.push(
    mk(
      `outbox relay: ${scale.outboxRows.toLocaleString('en-US')} outbox rows → BullMQ → processed`,
      relay,
      'one INSERT … SELECT of the rows; timed until every row is marked sent and the queue is drained (relay polls every 250 ms, 500 rows a batch)',
    ),
  );
  ctx.memory.push({ process: 'worker', phase: 'no-op jobs and outbox relay', rss: w0.rss, hwm: worker.memory().hwm });
  ctx.memory.push({ process: 'raw BullMQ worker (baseline)', phase: 'no-op jobs', rss: r0.rss, hwm: raw.memory().hwm });
  await system.close();
  await plain.close();
}
