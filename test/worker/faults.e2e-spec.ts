import { WorkerHost } from '@nestjs/bullmq';
import { Job, JobType, Queue } from 'bullmq';
import { Client } from 'pg';
import { EscalationsService, SweepResult } from '@app/core';
import { DEFAULT_JOB_OPTIONS, JobName, QueueName, redisConnection } from '@app/queue';
import { OutboxRelay } from '../../apps/worker/src/outbox/outbox-relay.service';
import { QUEUE_PROCESSORS } from '../../apps/worker/src/processors/queue.processors';
import { CaseRef, M, createEnterprise, openCase } from '../support/case-fixtures';
import { OwnRedis, killAllOwnRedis } from '../support/own-redis';
import { Province, TestApi } from '../support/test-api';
import { TestWorker, eventually } from '../support/test-worker';
import { StallTiming, WorkerProcess, WorkerProcessOptions, killAllWorkerProcesses, setStallTiming } from '../support/worker-process';

/**
 * Fault injection against real Postgres and a Redis of this file's own (started, killed, restarted
 * and flushed here): Redis outages, duplicate deliveries, a worker killed mid-job, workers racing
 * for the sweep, a flushed Redis. After each test: history rows = version − 1 for every case
 * touched, the outbox drained, no failed jobs in the cases/escalations queues, and the test
 * database's connections back to where they were before the test started its apps.
 *
 * The last two tests pin two orderings: the Redis-flush re-drive sets its marker key last, so a
 * re-drive that fails half-way is done again by the next check; and job_run records a sweep's finish
 * by the clock (clock_timestamp(), not the transaction start now()), never before its start.
 * FAULTS_TRACE=1 prints progress marks with timings.
 */

jest.setTimeout(240_000);

const WAIT = 60_000;
/** Short BullMQ lock/stalled timings for the worker-killed test (the product's default to 30 s / 30 s: WORKER_LOCK_DURATION_MS, WORKER_STALLED_INTERVAL_MS). */
const SHORT_STALLS: StallTiming = { lockDuration: 3000, stalledInterval: 1000 };
const LATE = { warning_on: '2020-01-01', stage_due_on: '2020-01-02', critical_on: '2020-01-03' };

// Cleanup when a test fails: afterEach/afterAll close and kill what they started. When jest itself
// dies or exits first, the children's watchdogs do it (a worker child exits when its stdin pipe
// closes; an own Redis is SIGKILLed by an `sh` reading a pipe from this process). The 'exit' hook
// below is kept for runners that relay it: jest's sandboxed `process` does not (checked: a listener
// registered here never fires).
const onExit = () => {
  killAllWorkerProcesses();
  killAllOwnRedis();
};
process.once('exit', onExit);

let redis: OwnRedis;
let db: Client;
let savedRedisUrl: string | undefined;
const prefix = () => process.env.QUEUE_PREFIX!;
const T0 = Date.now();
/** Progress marks on stderr when FAULTS_TRACE=1 (where the time of a slow test goes). */
function mark(what: string): void {
  if (process.env.FAULTS_TRACE === '1') process.stderr.write(`[faults +${((Date.now() - T0) / 1000).toFixed(1)}s] ${what}\n`);
}

/** What one test started and touched; closed and checked in afterEach. */
class Scope {
  api: TestApi | null = null;
  workers: TestWorker[] = [];
  children: WorkerProcess[] = [];
  clients: Client[] = [];
  queues = new Map<QueueName, Queue>();
  caseIds = new Set<string>();
  restoreTiming: (() => void) | null = null;
  /** Environment variables a test changed, put back once its apps are closed. */
  savedEnv = new Map<string, string | undefined>();
  baseline = 0;

  /** Sets an environment variable for the apps this test starts (config is read at their creation). */
  setEnv(name: string, value: string): void {
    if (!this.savedEnv.has(name)) this.savedEnv.set(name, process.env[name]);
    process.env[name] = value;
  }

  async startApi(): Promise<TestApi> {
    this.api = await TestApi.start();
    return this.api;
  }

  async startWorker(): Promise<TestWorker> {
    const w = await TestWorker.start();
    this.workers.push(w);
    return w;
  }

  async startChild(o: WorkerProcessOptions = {}): Promise<WorkerProcess> {
    const c = await WorkerProcess.start(o);
    this.children.push(c);
    return c;
  }

  async pgClient(): Promise<Client> {
    const c = new Client({ connectionString: process.env.DATABASE_URL, application_name: 'faults-test' });
    await c.connect();
    this.clients.push(c);
    return c;
  }

  /** A BullMQ Queue of the test's own on the own Redis (to look at jobs while no in-process worker runs). */
  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: redisConnection(redis.url, false), prefix: prefix() });
      q.on('error', () => undefined);
      this.queues.set(name, q);
    }
    return q;
  }

  async closeApps(): Promise<void> {
    const problems: string[] = [];
    const guard = async (what: string, p: Promise<unknown>) => {
      let t: NodeJS.Timeout | undefined;
      await Promise.race([
        p.catch((e) => problems.push(`${what}: ${(e as Error).message}`)),
        new Promise((r) => (t = setTimeout(() => r(problems.push(`${what}: not closed within 30 s`)), 30_000))),
      ]);
      clearTimeout(t);
    };
    await Promise.all(this.workers.map((w, i) => guard(`worker ${i}`, w.close())));
    this.workers = [];
    await Promise.all(this.children.map((c, i) => guard(`child ${i}`, c.stop())));
    this.children = [];
    if (this.api) await guard('api', this.api.close());
    this.api = null;
    for (const c of this.clients) await guard('pg client', c.end());
    this.clients = [];
    this.restoreTiming?.();
    this.restoreTiming = null;
    for (const [k, v] of this.savedEnv) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    this.savedEnv.clear();
    if (problems.length) throw new Error(`closing the test's apps: ${problems.join('; ')}`);
  }

  async closeQueues(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    this.queues.clear();
  }
}

let s: Scope;

/** Connections to the test database (all apps, this file's clients included). */
async function connections(): Promise<number> {
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()`)).rows;
  return n;
}

async function outboxRows(
  caseIds: Iterable<string>,
): Promise<{ id: string; job_name: string; payload: { caseId: string; version: number }; sent_at: Date | null }[]> {
  return (await db.query(`SELECT id, job_name, payload, sent_at FROM outbox WHERE payload->>'caseId' = ANY($1::text[]) ORDER BY id`, [[...caseIds]])).rows;
}

async function escalationsOf(caseId: string): Promise<{ level: string; stage_entry: number }[]> {
  return (await db.query(`SELECT level, stage_entry FROM escalation WHERE case_id = $1 ORDER BY level`, [caseId])).rows;
}

async function notificationsOf(caseId: string): Promise<{ level: string; user_id: string }[]> {
  return (
    await db.query(`SELECT x.level, n.user_id FROM notification n JOIN escalation x ON x.id = n.escalation_id WHERE x.case_id = $1 ORDER BY 1, 2`, [caseId])
  ).rows;
}

/** The notifications a late case of a province raises once: WARNING to the assignee, BREACH to the supervisor, CRITICAL to the supervisor and the parent unit's. */
function expectedNotifications(p: Province): { level: string; user_id: string }[] {
  return [
    { level: 'BREACH', user_id: p.supervisor.id },
    { level: 'CRITICAL', user_id: p.supervisor.id },
    { level: 'CRITICAL', user_id: p.federationSupervisor.id },
    { level: 'WARNING', user_id: p.officers[0].id },
  ].sort((a, b) => (a.level + a.user_id < b.level + b.user_id ? -1 : 1));
}

async function makeLate(caseIds: string[]): Promise<void> {
  await db.query(`UPDATE founding_case SET warning_on = $2, stage_due_on = $3, critical_on = $4 WHERE id = ANY($1::uuid[])`, [
    caseIds,
    LATE.warning_on,
    LATE.stage_due_on,
    LATE.critical_on,
  ]);
}

/** Runs of each job id seen by a worker's BullMQ worker for one queue ('active' events). */
function countRuns(w: TestWorker, queue: QueueName): Map<string, number> {
  const host = w.app.get(QUEUE_PROCESSORS[Object.values(QueueName).indexOf(queue)], { strict: false }) as WorkerHost;
  const runs = new Map<string, number>();
  host.worker.on('active', (job: Job) => runs.set(job.id!, (runs.get(job.id!) ?? 0) + 1));
  return runs;
}

async function jobState(q: Queue, id: string): Promise<string> {
  const job = await q.getJob(id);
  return job ? await job.getState() : 'missing';
}

/** All of the relay's work done: the Redis marker set and no unsent outbox row in the whole database. */
async function relaySettled(): Promise<void> {
  await eventually(async () => {
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`)).rows;
    if (n) return false;
    const c = redis.client();
    try {
      return (await c.exists(`${prefix()}:outbox-epoch`)) === 1;
    } finally {
      c.disconnect();
    }
  }, WAIT);
}

/** No job of the queue in these states (default: waiting or running). */
async function queueIdle(q: Queue, states: JobType[] = ['active', 'wait', 'prioritized']): Promise<void> {
  await eventually(async () => Object.values(await q.getJobCounts(...states)).every((n) => n === 0), WAIT);
}

/** Backends of the test database waiting for a lock in an INSERT INTO escalation (the sweep's statement). */
async function blockedEscalationInserts(kind: 'case' | 'full'): Promise<{ pid: number; application_name: string }[]> {
  const rows = (
    await db.query(
      `SELECT pid, application_name, query FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO escalation%'`,
    )
  ).rows as { pid: number; application_name: string; query: string }[];
  return rows.filter((r) => (kind === 'case') === r.query.includes('c.id = $2'));
}

beforeAll(async () => {
  redis = await OwnRedis.start();
  savedRedisUrl = process.env.REDIS_URL;
  process.env.REDIS_URL = redis.url;
  db = new Client({ connectionString: process.env.DATABASE_URL, application_name: 'faults-test' });
  await db.connect();
});

afterAll(async () => {
  try {
    await db?.end();
  } finally {
    process.env.REDIS_URL = savedRedisUrl;
    killAllWorkerProcesses();
    await redis?.dispose();
    process.removeListener('exit', onExit);
  }
});

beforeEach(async () => {
  mark(`start: ${expect.getState().currentTestName}`);
  s = new Scope();
  s.baseline = await connections();
});

/** Invariants after each test (and cleanup, whatever happened). */
afterEach(async () => {
  const problems: string[] = [];
  const check = async (what: string, f: () => Promise<void>) => {
    try {
      await f();
    } catch (e) {
      problems.push(`${what}: ${(e as Error).message}`);
    }
  };
  try {
    if (!redis.running) await redis.restart(); // closing BullMQ clients against a dead Redis could hang
    const ids = [...s.caseIds];
    if (ids.length && s.workers.length + s.children.length > 0) {
      await check('outbox drained', async () => {
        await eventually(async () => (await outboxRows(ids)).every((r) => r.sent_at !== null), WAIT);
      });
    }
    await check('no unexpected failed jobs', async () => {
      for (const name of [QueueName.CASES, QueueName.ESCALATIONS]) {
        const failed = await s.queue(name).getFailed(0, 1000);
        expect(failed.map((j) => ({ queue: name, id: j.id, name: j.name, data: j.data, reason: j.failedReason }))).toEqual([]);
      }
    });
  } finally {
    await check('closing apps', () => s.closeApps());
    await s.closeQueues();
  }
  await check('history rows = version - 1', async () => {
    const rows = (
      await db.query(
        `SELECT c.id, c.version, (SELECT count(*)::int FROM case_transition t WHERE t.case_id = c.id) AS history
           FROM founding_case c WHERE c.id = ANY($1::uuid[])`,
        [[...s.caseIds]],
      )
    ).rows as { id: string; version: number; history: number }[];
    expect(rows).toHaveLength(s.caseIds.size);
    expect(rows.filter((r) => r.history !== r.version - 1)).toEqual([]);
  });
  await check('connections back to the baseline', async () => {
    let last = 0;
    try {
      await eventually(async () => (last = await connections()) <= s.baseline, WAIT, 250);
    } catch {
      const who = (
        await db.query(
          `SELECT pid, application_name, state, wait_event_type, left(query, 80) AS query FROM pg_stat_activity WHERE datname = current_database()`,
        )
      ).rows;
      throw new Error(`${last} connections, baseline ${s.baseline}: ${JSON.stringify(who)}`);
    }
  });
  mark('after-each done');
  if (problems.length) throw new Error(problems.join('\n'));
});

describe('faults: Redis outage, duplicates, killed worker, racing workers, flushed Redis', () => {
  it.each([
    { keepData: true, what: 'with its data (a restart)' },
    { keepData: false, what: 'empty (a replaced Redis)' },
  ])('mutations during a Redis outage commit, and their jobs run once after Redis returns $what', async ({ keepData }) => {
    const api = await s.startApi();
    const w = await s.startWorker();
    const runs = countRuns(w, QueueName.CASES);
    const relay = w.app.get(OutboxRelay);
    const p = await api.newProvince(1);
    // A case whose job ran before the outage: relayed again when Redis comes back empty.
    const before = await openCase(api, p);
    s.caseIds.add(before.caseId);
    const enterprises = [await createEnterprise(api, p), await createEnterprise(api, p), await createEnterprise(api, p)];
    await relaySettled();
    const [beforeRow] = await outboxRows([before.caseId]);
    await eventually(async () => (await jobState(w.queue(QueueName.CASES), `outbox-${beforeRow.id}`)) === 'completed', WAIT);

    await redis.stop({ keepData });

    // Mutations commit while Redis is away: three cases opened, the first closed and reopened.
    const refs: CaseRef[] = [];
    for (const enterpriseId of enterprises) {
      const ref = await openCase(api, p, { enterpriseId });
      refs.push(ref);
      s.caseIds.add(ref.caseId);
    }
    const closed = await api.ok(
      M.close,
      { i: { caseId: refs[0].caseId, expectedVersion: 1, reason: 'WORKERS_DECLINED', comment: 'Chưa đồng ý' } },
      p.supervisor.token,
    );
    expect(closed.closeFoundingCase.stage).toBe('CLOSED');
    const reopened = await api.ok(M.reopen, { i: { caseId: refs[0].caseId, expectedVersion: 2, comment: 'Doanh nghiệp đồng ý lại' } }, p.supervisor.token);
    expect(reopened.reopenFoundingCase).toMatchObject({ stage: 'SURVEY', version: 3 });
    const ids = refs.map((r) => r.caseId);
    // The relay notices, and the rows stay unsent.
    await eventually(async () => (relay as unknown as { failing: boolean }).failing, WAIT);
    const during = await outboxRows(ids);
    expect(during.map((r) => `${r.payload.caseId}:${r.payload.version}`).sort()).toEqual([...ids.map((id) => `${id}:1`), `${ids[0]}:2`, `${ids[0]}:3`].sort());
    expect(during.filter((r) => r.sent_at !== null)).toEqual([]);
    // Late, so that each job (run after Redis returns) raises escalations.
    await makeLate(keepData ? ids : [...ids, before.caseId]);

    await redis.restart();

    // The worker reconnects by itself; every row is sent and every job completes.
    await eventually(async () => (await outboxRows(ids)).every((r) => r.sent_at !== null), WAIT);
    const cases = w.queue(QueueName.CASES);
    for (const r of during) await eventually(async () => (await jobState(cases, `outbox-${r.id}`)) === 'completed', WAIT);
    for (const id of ids) expect(await escalationsOf(id)).toHaveLength(3);
    for (const id of ids) expect(await notificationsOf(id)).toEqual(expectedNotifications(p));
    if (keepData) {
      // Redis kept its data: nothing relayed again, each outage job ran exactly once.
      expect(during.map((r) => runs.get(`outbox-${r.id}`) ?? 0)).toEqual(during.map(() => 1));
      expect((await outboxRows([before.caseId]))[0].sent_at).toEqual(beforeRow.sent_at);
      expect(runs.get(`outbox-${beforeRow.id}`)).toBe(1);
    } else {
      // Redis came back empty: the earlier row was relayed again, its job re-ran, its effect did not double.
      await eventually(async () => (await outboxRows([before.caseId]))[0].sent_at! > beforeRow.sent_at!, WAIT);
      await eventually(async () => (await jobState(cases, `outbox-${beforeRow.id}`)) === 'completed', WAIT);
      expect(runs.get(`outbox-${beforeRow.id}`)).toBe(2);
      for (const r of during) expect(runs.get(`outbox-${r.id}`)).toBeGreaterThanOrEqual(1);
    }
    if (!keepData) {
      expect(await escalationsOf(before.caseId)).toHaveLength(3);
      expect(await notificationsOf(before.caseId)).toEqual(expectedNotifications(p));
    }
    // No job of an outbox row twice in BullMQ's finished sets, under its id or another.
    const finished = (await cases.getJobs(['completed', 'failed'], 0, -1)).filter((j) => [...ids, before.caseId].includes(j.data?.caseId));
    const keys = finished.map((j) => `${j.name}:${j.data.caseId}:${j.data.version}`);
    expect(new Set(finished.map((j) => j.id)).size).toBe(finished.length);
    expect(new Set(keys).size).toBe(keys.length);
    expect(finished.map((j) => j.id).sort()).toEqual([...during.map((r) => `outbox-${r.id}`), `outbox-${beforeRow.id}`].sort());
  });

  it('the same job delivered twice (two job ids) has one effect', async () => {
    const api = await s.startApi();
    const w = await s.startWorker();
    const p = await api.newProvince(1);
    const ref = await openCase(api, p);
    s.caseIds.add(ref.caseId);
    const [row] = await outboxRows([ref.caseId]);
    const cases = w.queue(QueueName.CASES);
    const escalations = w.queue(QueueName.ESCALATIONS);
    await eventually(async () => (await jobState(cases, `outbox-${row.id}`)) === 'completed', WAIT);
    await queueIdle(escalations); // the sweep scheduled at boot is done (it would raise the levels itself)
    expect(await escalationsOf(ref.caseId)).toEqual([]); // not late yet when its own job ran
    await makeLate([ref.caseId]);

    // Held back, then released together, so the copies run at the same time (cases: concurrency 8).
    await cases.pause();
    await escalations.pause();
    const jobIds = [`dup-a-${ref.caseId}`, `dup-b-${ref.caseId}`, `dup-c-${ref.caseId}`];
    for (const jobId of jobIds) await cases.add(JobName.CASE_STAGE_CHANGED, { caseId: ref.caseId, version: 1 }, { ...DEFAULT_JOB_OPTIONS, jobId });
    const sweepIds = [`dup-sweep-a-${ref.caseId}`, `dup-sweep-b-${ref.caseId}`];
    for (const jobId of sweepIds) await escalations.add(JobName.ESCALATION_SWEEP, { caseId: ref.caseId }, { ...DEFAULT_JOB_OPTIONS, jobId });
    await Promise.all([cases.resume(), escalations.resume()]);
    for (const id of jobIds) await eventually(async () => (await jobState(cases, id)) === 'completed', WAIT);
    for (const id of sweepIds) await eventually(async () => (await jobState(escalations, id)) === 'completed', WAIT);

    const levels = await escalationsOf(ref.caseId);
    expect(levels).toEqual([
      { level: 'BREACH', stage_entry: 1 },
      { level: 'CRITICAL', stage_entry: 1 },
      { level: 'WARNING', stage_entry: 1 },
    ]);
    expect(await notificationsOf(ref.caseId)).toEqual(expectedNotifications(p));
    // Exactly one copy did the work: the others raised nothing (each returns the notifications it raised).
    const results = [
      ...(await Promise.all(jobIds.map(async (id) => (await cases.getJob(id))!.returnvalue as number))),
      ...(await Promise.all(sweepIds.map(async (id) => (await escalations.getJob(id))!.returnvalue as number))),
    ];
    expect(results.filter((n) => n !== 0)).toEqual([4]);
  });

  it('a worker killed mid-job (SIGKILL) leaves no duplicate after the job re-runs', async () => {
    // Queues of its own: the earlier tests' workers (the default 30 s stalled interval) left BullMQ's per-queue
    // stalled-check throttle key behind, which would hold off the first stalled check for up to 30 s.
    s.setEnv('QUEUE_PREFIX', `${prefix()}_killed`);
    const api = await s.startApi();
    const child = await s.startChild({ stallTiming: SHORT_STALLS });
    mark('child up');
    await relaySettled();
    await queueIdle(s.queue(QueueName.ESCALATIONS)); // the sweep the child's boot scheduled is done
    await queueIdle(s.queue(QueueName.CASES));
    const p = await api.newProvince(1);
    const enterpriseId = await createEnterprise(api, p);

    // Hold the sweep's INSERT: the job blocks mid-transaction, deterministically.
    const locker = await s.pgClient();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE escalation IN SHARE ROW EXCLUSIVE MODE');
    const ref = await openCase(api, p, { enterpriseId });
    s.caseIds.add(ref.caseId);
    const [row] = await outboxRows([ref.caseId]);
    const jobId = `outbox-${row.id}`;
    const blocked = await eventually(async () => (await blockedEscalationInserts('case'))[0], WAIT);
    expect(await jobState(s.queue(QueueName.CASES), jobId)).toBe('active');
    await makeLate([ref.caseId]); // so the re-run has something to raise

    await child.kill('SIGKILL');
    mark('child killed');
    expect(child.alive).toBe(false);
    expect(await jobState(s.queue(QueueName.CASES), jobId)).toBe('active'); // its lock is still there, nobody runs it
    await locker.query('COMMIT'); // the dead worker's statement goes on, and its transaction dies with its connection
    mark('lock released');
    await eventually(async () => !(await db.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [blocked.pid])).rows.length, WAIT);
    expect(await escalationsOf(ref.caseId)).toEqual([]); // nothing of the killed run committed

    // A new worker: BullMQ's stalled-job check hands the job to it.
    s.restoreTiming = setStallTiming(SHORT_STALLS);
    const w = await s.startWorker();
    mark('new worker up');
    const cases = w.queue(QueueName.CASES);
    await eventually(async () => (await jobState(cases, jobId)) === 'completed', WAIT);
    mark('killed job re-ran and completed');
    const job = (await cases.getJob(jobId))!;
    expect(job.stalledCounter).toBe(1); // re-run because it stalled, not because it failed
    expect(job.attemptsStarted).toBe(2); // started by the killed child, then by the new worker
    expect(await escalationsOf(ref.caseId)).toHaveLength(3);
    expect(await notificationsOf(ref.caseId)).toEqual(expectedNotifications(p));
  });

  it('two workers started together run one sweep at a time', async () => {
    const [w1, w2] = await Promise.all([s.startWorker(), s.startWorker()]);
    const escalations = w1.queue(QueueName.ESCALATIONS);
    // Both upserted under the scheduler lock: one escalation-sweep scheduler.
    const schedulers = await escalations.getJobSchedulers();
    expect(schedulers.filter((x) => x.key === JobName.ESCALATION_SWEEP)).toHaveLength(1);
    // No scheduled sweep in the way: the boot sweep done, the queue held.
    await queueIdle(escalations);
    await escalations.pause();
    await queueIdle(escalations, ['active']);
    try {
      const started = new Date();
      const locker = await s.pgClient();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE escalation IN SHARE ROW EXCLUSIVE MODE');
      const settled: SweepResult[] = [];
      const calls = [w1, w2].map((w) =>
        w.app
          .get(EscalationsService)
          .sweep()
          .then((r) => {
            settled.push(r);
            return r;
          }),
      );
      // One sweep holds the advisory lock and waits on the table lock; the other has given up.
      await eventually(async () => settled.length === 1 && (await blockedEscalationInserts('full')).length === 1, WAIT);
      expect(settled[0].ran).toBe(false);
      await locker.query('COMMIT');
      const results = await Promise.all(calls);
      expect(results.filter((r) => r.ran)).toHaveLength(1);
      const runs = (await db.query(`SELECT count(*)::int AS n FROM job_run WHERE job = 'escalation-sweep' AND started_at >= $1`, [started])).rows[0].n;
      expect(runs).toBe(1);
    } finally {
      await escalations.resume();
    }
  });

  it('a flushed Redis: recent rows relayed again, schedulers back, escalations still once', async () => {
    const api = await s.startApi();
    const w = await s.startWorker();
    const runs = countRuns(w, QueueName.CASES);
    const cases = w.queue(QueueName.CASES);
    const escalations = w.queue(QueueName.ESCALATIONS);
    const p = await api.newProvince(1);
    const enterprises = [await createEnterprise(api, p), await createEnterprise(api, p)];
    await relaySettled();
    await cases.pause(); // the jobs run after the cases are made late
    const refs: CaseRef[] = [];
    try {
      for (const enterpriseId of enterprises) refs.push(await openCase(api, p, { enterpriseId }));
      refs.forEach((r) => s.caseIds.add(r.caseId));
      await makeLate(refs.map((r) => r.caseId));
    } finally {
      await cases.resume();
    }
    const ids = refs.map((r) => r.caseId);
    const rows = await outboxRows(ids);
    for (const r of rows) await eventually(async () => (await jobState(cases, `outbox-${r.id}`)) === 'completed', WAIT);
    const sentBefore = await outboxRows(ids);
    for (const id of ids) expect(await escalationsOf(id)).toHaveLength(3);
    expect((await escalations.getJobSchedulers()).map((x) => x.key)).toContain(JobName.ESCALATION_SWEEP);

    await redis.flushAll();

    // The relay sees the marker gone: the rows are relayed again (sent_at set anew), the schedulers upserted again.
    await eventually(async () => {
      const now = await outboxRows(ids);
      return now.every((r, i) => r.sent_at !== null && r.sent_at > sentBefore[i].sent_at!);
    }, WAIT);
    await eventually(async () => (await escalations.getJobSchedulers()).some((x) => x.key === JobName.ESCALATION_SWEEP), WAIT);
    for (const r of rows) await eventually(async () => (await jobState(cases, `outbox-${r.id}`)) === 'completed', WAIT);
    expect(rows.map((r) => runs.get(`outbox-${r.id}`))).toEqual(rows.map(() => 2)); // each job ran again once
    for (const id of ids) {
      expect(await escalationsOf(id)).toHaveLength(3);
      expect(await notificationsOf(id)).toEqual(expectedNotifications(p));
    }
  });

  it('a flushed Redis noticed while the relay loses its Postgres connection: the re-drive is not skipped', async () => {
    // The re-drive fails half-way (here: its connection is terminated while it waits for a lock, as in a
    // Postgres restart). Had the relay set the Redis marker before re-driving, the marker would say "done"
    // and the rows relayed before the flush, and the schedulers, would never be put back; it sets it last.
    const api = await s.startApi();
    const w = await s.startWorker();
    const cases = w.queue(QueueName.CASES);
    const escalations = w.queue(QueueName.ESCALATIONS);
    const p = await api.newProvince(1);
    const ref = await openCase(api, p);
    s.caseIds.add(ref.caseId);
    const [row] = await outboxRows([ref.caseId]);
    await eventually(async () => (await jobState(cases, `outbox-${row.id}`)) === 'completed', WAIT);
    await relaySettled();
    const [sent] = await outboxRows([ref.caseId]);

    const locker = await s.pgClient();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE outbox IN SHARE MODE'); // the re-drive's UPDATE waits (the relay's SELECT … FOR UPDATE does not)
    await redis.flushAll();
    const redrive = await eventually(async () => {
      const rows = (
        await db.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%UPDATE outbox SET sent_at = NULL%'`,
        )
      ).rows as { pid: number }[];
      return rows[0];
    }, WAIT);
    await db.query(`SELECT pg_terminate_backend($1)`, [redrive.pid]);
    await locker.query('COMMIT');

    // The next checks must still re-drive: the row relayed again, its job back in Redis, the schedulers back.
    // (Checked every 5 s by the relay; 30 s is plenty for a relay that retries.)
    const redriven = await eventually(async () => (await outboxRows([ref.caseId]))[0].sent_at! > sent.sent_at!, 30_000).catch(() => false);
    const schedulers = (await escalations.getJobSchedulers()).map((x) => x.key);
    expect({ rowRelayedAgain: redriven, jobInRedis: (await jobState(cases, `outbox-${row.id}`)) !== 'missing', schedulers }).toEqual({
      rowRelayedAgain: true,
      jobInRedis: true,
      schedulers: expect.arrayContaining([JobName.ESCALATION_SWEEP]),
    });
  });

  it('job_run: a sweep is recorded as finishing after it started', async () => {
    const w = await s.startWorker();
    const since = new Date(Date.now() - 1000);
    await eventually(async () => (await w.app.get(EscalationsService).sweep()).ran, WAIT); // ran=false while the boot sweep runs
    const rows = (await db.query(`SELECT id, started_at, finished_at FROM job_run WHERE job = 'escalation-sweep' AND started_at >= $1 ORDER BY id`, [since]))
      .rows as { id: string; started_at: Date; finished_at: Date }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.finished_at < r.started_at).map((r) => ({ ...r, ms: r.finished_at.getTime() - r.started_at.getTime() }))).toEqual([]);
  });
});
