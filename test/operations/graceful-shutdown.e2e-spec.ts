import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { QueryRunner } from 'typeorm';
import { openCase, vnToday } from '../support/case-fixtures';
import { Province, TestApi } from '../support/test-api';
import { eventually } from '../support/test-worker';

/**
 * SIGTERM ends the API and the worker gracefully and within a bound: the API (run as its own
 * process, `node -r @swc-node/register apps/api/src/main.ts`) stops taking connections, finishes
 * the request in flight and exits 0; a request that cannot finish does not hold it past
 * SHUTDOWN_TIMEOUT_MS (exit 1). The worker finishes the job in progress and exits 0.
 * The "slow" request and job are made slow by a row lock this test holds in Postgres.
 */

const ROOT = join(__dirname, '..', '..');

interface Child {
  proc: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  output: () => string;
}

const WORKER_DEADLINE_MS = 30_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function start(app: 'api' | 'worker', env: Record<string, string> = {}): Promise<Child> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${app}/src/main.ts`], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', PORT: String(port), WORKER_HEALTH_PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const url = `http://127.0.0.1:${port}`;
  let gone = false;
  void exited.then(() => (gone = true));
  await eventually(
    async () => {
      if (gone) throw new Error(`${app} exited during start:\n${out.slice(-3000)}`);
      return (await fetch(`${url}/health`)).ok;
    },
    90_000,
    250,
  ).catch((e) => {
    proc.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n${out.slice(-3000)}`);
  });
  return { proc, url, exited, output: () => out };
}

/** Holds a row lock (SELECT … FOR UPDATE) in a transaction of its own until released. */
async function lockRow(api: TestApi, table: 'founding_case' | 'report', id: string): Promise<QueryRunner> {
  const qr = api.db.createQueryRunner();
  await qr.connect();
  await qr.startTransaction();
  await qr.query(`SELECT id FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
  return qr;
}

/** Backends waiting for `lock` (only ours: the run's other suites take and wait for locks in the same database). */
async function waitersOnLocks(api: TestApi, lock: QueryRunner): Promise<number> {
  const [{ pid }] = await lock.query(`SELECT pg_backend_pid() AS pid`);
  const [row] = await api.db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1::int = ANY (pg_blocking_pids(pid))`, [pid]);
  return row.n;
}

jest.setTimeout(240_000);

describe('operations: graceful shutdown', () => {
  let api: TestApi;
  let p: Province;
  const children: Child[] = [];
  const locks: QueryRunner[] = [];

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
  });
  afterAll(async () => {
    for (const c of children) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
    for (const l of locks)
      if (!l.isReleased)
        await l
          .rollbackTransaction()
          .catch(() => undefined)
          .finally(() => l.release());
    await api.close();
  });

  const surveyOf = (caseId: string, version: number) => ({
    query: `mutation Slow($i: SurveyInput!) { recordSurvey(input: $i) { id version } }`,
    variables: { i: { caseId, expectedVersion: version, surveyedOn: vnToday(), workerCount: 120, hasUnion: false } },
  });
  const versionOf = async (caseId: string) => (await api.db.query(`SELECT version FROM founding_case WHERE id = $1`, [caseId]))[0].version as number;

  it('API: on SIGTERM refuses new connections, finishes the request in flight, and exits 0 within 10 s', async () => {
    const ref = await openCase(api, p);
    const child = await start('api');
    children.push(child);
    const lock = await lockRow(api, 'founding_case', ref.caseId);
    locks.push(lock);

    const inFlight = fetch(`${child.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${p.officers[0].token}` },
      body: JSON.stringify(surveyOf(ref.caseId, ref.version)),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
    await eventually(async () => (await waitersOnLocks(api, lock)) >= 1);

    const sentAt = Date.now();
    child.proc.kill('SIGTERM');
    // Still running for the request in flight, but taking no new connections.
    await new Promise((r) => setTimeout(r, 1000));
    expect(child.proc.exitCode).toBeNull();
    await eventually(async () => {
      try {
        await fetch(`${child.url}/health`);
        return false;
      } catch {
        return true;
      }
    }, 5000);

    await lock.commitTransaction();
    await lock.release();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.recordSurvey.version).toBe(ref.version + 1);
    const exit = await child.exited;
    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
    expect(exit.at - sentAt).toBeLessThan(10_000);
    expect(await versionOf(ref.caseId)).toBe(ref.version + 1);
    expect(child.output()).toMatch(/SIGTERM: finishing in-flight requests/);
  });

  it('API: a request that cannot finish does not hold the process past SHUTDOWN_TIMEOUT_MS (exit 1), and changes nothing', async () => {
    const ref = await openCase(api, p);
    const child = await start('api', { SHUTDOWN_TIMEOUT_MS: '3000' });
    children.push(child);
    const lock = await lockRow(api, 'founding_case', ref.caseId);
    locks.push(lock);
    const stuck = fetch(`${child.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${p.officers[0].token}` },
      body: JSON.stringify(surveyOf(ref.caseId, ref.version)),
    }).then(
      (r) => r.status,
      () => 'connection closed',
    );
    await eventually(async () => (await waitersOnLocks(api, lock)) >= 1);
    const sentAt = Date.now();
    child.proc.kill('SIGTERM');
    const exit = await child.exited;
    expect(exit.code).toBe(1);
    expect(exit.at - sentAt).toBeGreaterThanOrEqual(2500);
    expect(exit.at - sentAt).toBeLessThan(6000);
    expect(await stuck).toBe('connection closed');
    await lock.commitTransaction();
    await lock.release();
    // The stuck transaction died with the process: nothing was written.
    expect(await versionOf(ref.caseId)).toBe(ref.version);
  });

  it('API_PROCESSES=2: two API processes share the port, one killed is replaced, SIGTERM stops them all (exit 0)', async () => {
    const child = await start('api', { API_PROCESSES: '2' });
    children.push(child);
    const pids = () => [...child.output().matchAll(/API listening on \S+ \(process (\d+)\)/g)].map((m) => Number(m[1]));
    await eventually(async () => new Set(pids()).size === 2, 60_000);
    const [first, second] = pids();
    const me = async () => {
      const r = await fetch(`${child.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${p.officers[0].token}` },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      return ((await r.json()) as any).data?.me?.id;
    };
    // Any process answers any request: the token and the user row are shared state, not process state.
    expect(await Promise.all(Array.from({ length: 20 }, me))).toEqual(Array(20).fill(p.officers[0].id));

    process.kill(first, 'SIGKILL');
    await eventually(async () => new Set(pids()).size === 3, 60_000);
    const replacement = pids().find((x) => x !== first && x !== second)!;
    expect(await Promise.all(Array.from({ length: 10 }, me))).toEqual(Array(10).fill(p.officers[0].id));

    child.proc.kill('SIGTERM');
    const exit = await child.exited;
    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect([second, replacement].filter(alive)).toEqual([]);
  });

  it('worker: on SIGTERM finishes the job in progress and exits 0 within its shutdown deadline', async () => {
    // A report whose build job will wait on our lock once the worker takes it from the outbox.
    const d = await api.ok(
      `mutation($i: ReportInput!) { requestReport(input: $i) { id } }`,
      {
        i: { orgUnitId: p.unitId, periodKind: 'MONTH', periodStart: `${vnToday().slice(0, 8)}01` },
      },
      p.supervisor.token,
    );
    const reportId: string = d.requestReport.id;
    const lock = await lockRow(api, 'report', reportId);
    locks.push(lock);
    // The deadline is the product's setting (default 10 s); a roomier one here, so that a machine busy with the other
    // test worker does not turn a slow but clean shutdown into the deadline's exit 1.
    const child = await start('worker', { SHUTDOWN_TIMEOUT_MS: String(WORKER_DEADLINE_MS) });
    children.push(child);
    await eventually(async () => (await waitersOnLocks(api, lock)) >= 1, 30_000);

    const sentAt = Date.now();
    child.proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    expect(child.proc.exitCode).toBeNull();
    await lock.commitTransaction();
    await lock.release();
    const exit = await child.exited;
    expect({ code: exit.code, signal: exit.signal }).toEqual({ code: 0, signal: null });
    expect(exit.at - sentAt).toBeLessThan(WORKER_DEADLINE_MS);
    const [report] = await api.db.query(`SELECT status FROM report WHERE id = $1`, [reportId]);
    expect(report.status).toBe('READY');
  });
});
