import { WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DATABASE_BUSY_MESSAGE, DATABASE_UNAVAILABLE_MESSAGE } from '@app/core';
import { DEFAULT_JOB_OPTIONS, JobName, QueueName } from '@app/queue';
import { QUEUE_PROCESSORS } from '../../apps/worker/src/processors/queue.processors';
import { CaseRef, M, createEnterprise, openCase } from '../support/case-fixtures';
import { EnvOverrides } from '../support/env-overrides';
import { OwnPostgres, oneStatement, stopAllOwnPostgres } from '../support/own-postgres';
import { Province, TestApi } from '../support/test-api';
import { TestWorker, eventually } from '../support/test-worker';

/**
 * Postgres faults on a Postgres of this file's own (started, stopped, restarted, its backends
 * terminated here; never the shared one): the API answers SERVICE_UNAVAILABLE (HTTP 503) while it
 * is away and recovers without a restart, /health goes red then green, the worker's jobs fail into
 * BullMQ's retry and complete once Postgres is back, each effect once, the outbox drained.
 * docs/architecture.md#faults-and-backups
 */

jest.setTimeout(200_000);

const WAIT = 60_000;
const LATE = { warning_on: '2020-01-01', stage_due_on: '2020-01-02', critical_on: '2020-01-03' };
const DB = 'cdcs_pg_faults';

let pg: OwnPostgres;
let api: TestApi;
let worker: TestWorker;
let p: Province;
const env = new EnvOverrides();
const caseIds = new Set<string>();
process.once('exit', stopAllOwnPostgres);

/** One statement on a fresh connection (the test's own connections die with the server too). */
const sql = <T = any>(text: string, params: unknown[] = []): Promise<T[]> => oneStatement<T>(pg.url(DB), 'pg-faults-test', text, params);

/** A connection holding a transaction open (to block the app's statements on a lock). */
async function locker(): Promise<Client> {
  const c = new Client({ connectionString: pg.url(DB), application_name: 'pg-faults-locker' });
  c.on('error', () => undefined);
  await c.connect();
  await c.query('BEGIN');
  return c;
}

/** The app's backends waiting for a lock in a statement that matches `like`. */
async function blocked(like: string): Promise<number> {
  const [{ n }] = await sql(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'cdcs' AND wait_event_type = 'Lock' AND query LIKE $2`,
    [DB, like],
  );
  return n;
}

async function health(): Promise<number> {
  return (await fetch(`${api.url}/health`)).status;
}

async function post(query: string, variables: Record<string, unknown>, token: string) {
  const res = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { data?: any; errors?: any[] } };
}

/** Runs of each job id a worker's BullMQ worker started ('active' events). */
function countRuns(queue: QueueName): Map<string, number> {
  const host = worker.app.get(QUEUE_PROCESSORS[Object.values(QueueName).indexOf(queue)], { strict: false }) as WorkerHost;
  const runs = new Map<string, number>();
  host.worker.on('active', (job: Job) => runs.set(job.id!, (runs.get(job.id!) ?? 0) + 1));
  return runs;
}

async function outboxDrained(): Promise<void> {
  await eventually(async () => (await sql(`SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`))[0].n === 0, WAIT, 250);
}

beforeAll(async () => {
  pg = await OwnPostgres.start();
  const url = await pg.createDatabase(DB);
  // Queues of its own (under the run's prefix, so the run's clean-up takes them): jobs earlier suites left on the
  // run's queues (document builds, say) are not this database's and would hold the workers. The sweep runs when a
  // test adds it.
  env.set({ DATABASE_URL: url, QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'cdcs_test'}_pg_faults`, WORKER_SCHEDULERS: 'false' });
  api = await TestApi.start();
  worker = await TestWorker.start();
  p = await api.newProvince(1);
});

afterAll(async () => {
  try {
    await worker?.close();
    await api?.close();
  } finally {
    await pg?.dispose();
    env.restore();
    process.removeListener('exit', stopAllOwnPostgres);
  }
});

/** After every test: each touched case has history rows = version − 1, the outbox is drained, no failed jobs. */
afterEach(async () => {
  if (!pg.running) await pg.launch();
  await eventually(async () => (await health()) === 200, WAIT, 250);
  const rows = await sql<{ id: string; version: number; history: number }>(
    `SELECT c.id, c.version, (SELECT count(*)::int FROM case_transition t WHERE t.case_id = c.id) AS history FROM founding_case c WHERE c.id = ANY($1::uuid[])`,
    [[...caseIds]],
  );
  expect(rows).toHaveLength(caseIds.size);
  expect(rows.filter((r) => r.history !== r.version - 1)).toEqual([]);
  await outboxDrained();
  for (const name of [QueueName.CASES, QueueName.ESCALATIONS, QueueName.REPORTS]) {
    expect((await worker.queue(name).getFailed(0, 100)).map((j) => `${name}: ${j.name} ${j.failedReason}`)).toEqual([]);
  }
});

describe('Postgres faults: stopped, restarted, connections terminated', () => {
  it("the apps' connections carry the statement and lock timeouts of the config (DB_STATEMENT_TIMEOUT_MS, DB_LOCK_TIMEOUT_MS)", async () => {
    for (const ds of [api.db, worker.app.get(DataSource)]) {
      const [{ statement_timeout }] = await ds.query(`SHOW statement_timeout`);
      const [{ lock_timeout }] = await ds.query(`SHOW lock_timeout`);
      expect([statement_timeout, lock_timeout]).toEqual(['2min', '15s']);
    }
  });

  it('the pools reconnect by themselves: right after the backends are terminated, or a restart, at most the first request answers a retryable 503', async () => {
    const read = `{ foundingCases(first: 1) { totalCount } }`;
    for (const fault of [() => pg.terminateBackends(DB, 'cdcs'), () => pg.restart('fast')]) {
      // Idle clients in the pool first, so the fault kills connections the pool holds.
      await Promise.all(Array.from({ length: 8 }, () => api.ok(read, {}, p.supervisor.token)));
      await fault();
      const answers = [];
      for (let i = 0; i < 10; i++) answers.push((await post(read, {}, p.supervisor.token)).status);
      // The first request may take a pooled client whose socket has not yet seen the termination: it answers the
      // retryable 503, never a 500; the pool has dropped that client, and every request after it succeeds.
      expect([200, 503]).toContain(answers[0]);
      expect(answers.slice(1)).toEqual(Array.from({ length: 9 }, () => 200));
    }
  });

  it('a lock held too long: the transition is cut by DB_LOCK_TIMEOUT_MS, answers 503 SERVICE_UNAVAILABLE, writes nothing', async () => {
    const ref: CaseRef = await openCase(api, p);
    caseIds.add(ref.caseId);
    const hold = await locker();
    await hold.query(`SELECT 1 FROM founding_case WHERE id = $1 FOR UPDATE`, [ref.caseId]);
    const shortLocks = 'DB_LOCK_TIMEOUT_MS';
    const before = process.env[shortLocks];
    process.env[shortLocks] = '300';
    const impatient = await TestApi.start();
    try {
      const close = { i: { caseId: ref.caseId, expectedVersion: ref.version, reason: 'ENTERPRISE_DISSOLVED', comment: 'Doanh nghiệp đã giải thể' } };
      const started = Date.now();
      const res = await fetch(`${impatient.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${p.supervisor.token}` },
        body: JSON.stringify({ query: M.close, variables: close }),
      });
      const body = (await res.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
      expect(Date.now() - started).toBeLessThan(10_000);
      expect([res.status, body.errors?.[0]?.extensions?.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
      expect(body.errors?.[0]?.message).toBe(DATABASE_BUSY_MESSAGE);
    } finally {
      await hold.query('ROLLBACK');
      await hold.end();
      await impatient.close();
      if (before === undefined) delete process.env[shortLocks];
      else process.env[shortLocks] = before;
    }
    const [after] = await sql(`SELECT version FROM founding_case WHERE id = $1`, [ref.caseId]);
    expect(after.version).toBe(ref.version);
  });

  it('stopped during a case transition: no half-done write, 503 SERVICE_UNAVAILABLE, health red then green, the API recovers by itself', async () => {
    const ref: CaseRef = await openCase(api, p);
    caseIds.add(ref.caseId);
    await outboxDrained();
    const [before] = await sql(`SELECT version, stage FROM founding_case WHERE id = $1`, [ref.caseId]);

    // Hold the case row: the transition's transaction waits mid-way until the server goes away.
    const hold = await locker();
    await hold.query(`SELECT 1 FROM founding_case WHERE id = $1 FOR UPDATE`, [ref.caseId]);
    const close = { i: { caseId: ref.caseId, expectedVersion: ref.version, reason: 'ENTERPRISE_DISSOLVED', comment: 'Doanh nghiệp đã giải thể' } };
    const pending = post(M.close, close, p.supervisor.token);
    await eventually(async () => (await blocked('%founding_case%')) > 0, WAIT);

    await pg.stop('fast');
    const refused = await pending;
    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toBe('5');
    expect(refused.body.errors?.[0]).toMatchObject({ message: DATABASE_UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(await health()).toBe(503);
    // Reads while it is down: the same clear refusal.
    const read = await post(`query($id: ID!) { foundingCase(id: $id) { id version } }`, { id: ref.caseId }, p.supervisor.token);
    expect([read.status, read.body.errors?.[0]?.extensions?.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    // A REST route (a report download) too, through AppExceptionFilter.
    const download = await fetch(`${api.url}/reports/${ref.caseId}/xlsx`, { headers: { authorization: `Bearer ${p.supervisor.token}` } });
    expect([download.status, await download.json()]).toEqual([503, { code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE, retryable: true }]);

    await pg.launch();
    await eventually(async () => (await health()) === 200, WAIT, 250);
    // Nothing of the transition was written.
    const [after] = await sql(`SELECT version, stage FROM founding_case WHERE id = $1`, [ref.caseId]);
    expect(after).toEqual(before);
    // The same API process (pools reconnected) takes the retried transition.
    const again = await post(M.close, close, p.supervisor.token);
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data.closeFoundingCase).toMatchObject({ stage: 'CLOSED', version: ref.version + 1 });
    const jobs = await sql(`SELECT id FROM outbox WHERE payload->>'caseId' = $1`, [ref.caseId]);
    expect(jobs).toHaveLength(2); // the open and the close, not the refused attempt
  });

  it('restarted during a report build: the job fails into retry and completes once, one report row', async () => {
    const runs = countRuns(QueueName.REPORTS);
    const reports = worker.queue(QueueName.REPORTS);
    await reports.pause();
    let reportId: string;
    let hold: Client;
    try {
      const r = await post(
        `mutation($i: ReportInput!) { requestReport(input: $i) { id status } }`,
        { i: { orgUnitId: p.unitId, periodKind: 'MONTH', periodStart: '2025-03-01' } },
        p.supervisor.token,
      );
      expect(r.body.errors).toBeUndefined();
      reportId = r.body.data.requestReport.id;
      hold = await locker();
      await hold.query(`SELECT 1 FROM report WHERE id = $1 FOR UPDATE`, [reportId]);
    } finally {
      await reports.resume();
    }
    await eventually(async () => (await blocked('%UPDATE report%')) > 0, WAIT);

    await pg.restart('fast'); // the build's statement dies with its backend

    // Retries back off exponentially (2, 4, 8, 16 s): on a loaded machine the build may need the later ones.
    await eventually(async () => (await sql(`SELECT status FROM report WHERE id = $1`, [reportId]))[0]?.status === 'READY', 2 * WAIT, 250);
    const rows = await sql(`SELECT id, status, attempts FROM report WHERE org_unit_id = $1 AND period_kind = 'MONTH' AND period_start = '2025-03-01'`, [
      p.unitId,
    ]);
    expect(rows).toEqual([{ id: reportId, status: 'READY', attempts: expect.any(Number) }]);
    expect(rows[0].attempts).toBeGreaterThanOrEqual(1);
    const [job] = [...runs.entries()];
    expect(job[1]).toBeGreaterThanOrEqual(2); // started, failed with the restart, retried
    expect(await reports.getJobState(job[0])).toBe('completed');
  });

  it('backends terminated during the escalation sweep: each escalation and notification once, the outbox drained', async () => {
    const refs: CaseRef[] = [];
    for (let i = 0; i < 3; i++) refs.push(await openCase(api, p, { enterpriseId: await createEnterprise(api, p) }));
    refs.forEach((r) => caseIds.add(r.caseId));
    await outboxDrained();
    await eventually(async () => Object.values(await worker.queue(QueueName.CASES).getJobCounts('active', 'wait')).every((n) => n === 0), WAIT);
    const ids = refs.map((r) => r.caseId);
    await sql(`UPDATE founding_case SET warning_on = $2, stage_due_on = $3, critical_on = $4 WHERE id = ANY($1::uuid[])`, [
      ids,
      LATE.warning_on,
      LATE.stage_due_on,
      LATE.critical_on,
    ]);

    // Hold the sweep's INSERT INTO escalation, then cut every connection of the apps.
    const hold = await locker();
    await hold.query('LOCK TABLE escalation IN SHARE ROW EXCLUSIVE MODE');
    const runs = countRuns(QueueName.ESCALATIONS);
    const job = await worker.queue(QueueName.ESCALATIONS).add(JobName.ESCALATION_SWEEP, {}, { ...DEFAULT_JOB_OPTIONS, jobId: `pg-faults-sweep-${Date.now()}` });
    await eventually(async () => (await blocked('%INSERT INTO escalation%')) > 0, WAIT);
    const terminated = await pg.terminateBackends(DB, 'cdcs');
    expect(terminated).toBeGreaterThan(0);
    await hold.query('COMMIT');
    await hold.end();

    await eventually(async () => (await job.getState()) === 'completed', WAIT, 250);
    expect(runs.get(job.id!)).toBeGreaterThanOrEqual(2);
    const levels = await sql<{ case_id: string; n: number }>(
      `SELECT case_id, count(*)::int AS n, count(DISTINCT level)::int AS levels FROM escalation WHERE case_id = ANY($1::uuid[]) GROUP BY case_id`,
      [ids],
    );
    expect(levels.map((l) => l.n).sort()).toEqual([3, 3, 3]);
    const [{ dup }] = await sql(
      `SELECT count(*)::int AS dup FROM (SELECT n.escalation_id, n.user_id FROM notification n JOIN escalation x ON x.id = n.escalation_id
        WHERE x.case_id = ANY($1::uuid[]) GROUP BY 1, 2 HAVING count(*) > 1) d`,
      [ids],
    );
    expect(dup).toBe(0);
    const [{ notes }] = await sql(
      `SELECT count(*)::int AS notes FROM notification n JOIN escalation x ON x.id = n.escalation_id WHERE x.case_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(notes).toBe(3 * 4); // WARNING to the assignee, BREACH and CRITICAL to the supervisor, CRITICAL to the parent's
  });
});
