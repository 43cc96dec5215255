import { Queue } from 'bullmq';
import { QUEUE_OF_JOB, redisConnection } from '@app/queue';
import { Host } from '../lib/children';
import { Ctx } from '../lib/context';
import { connectionsTo, portOf } from '../lib/sockets';
import { now } from '../lib/stats';

export interface SoakSample {
  at: number;
  api: number;
  worker: number;
}
export interface RetainedMemory {
  api: number;
  worker: number;
  apiHeap: number;
  workerHeap: number;
}
export interface ConnectionCounts {
  /** Backends of the bench database, by application_name (the apps' pools, the bench's own pools). */
  database: Record<string, number>;
  apiPg: number;
  apiRedis: number;
  workerPg: number;
  workerRedis: number;
}
export interface Invariant {
  name: string;
  ok: boolean;
  detail: string;
}
export interface SoakReport {
  seconds: number;
  warmupSeconds: number;
  clients: number;
  elapsedMs: number;
  ops: number;
  rate: number;
  p50: number;
  p99: number;
  byKind: { kind: string; ops: number; errors: number; p50: number; p99: number }[];
  errors: number;
  firstError?: string;
  sweeps: number;
  reportsRequested: number;
  drainMs: number;
  /** warm and end: after a full collection (retained memory); endRaw and samples: RSS as it stood. */
  memory: { start: { api: number; worker: number }; warm: RetainedMemory; end: RetainedMemory; endRaw: { api: number; worker: number }; samples: SoakSample[] };
  dbConnectionsBefore: number;
  invariants: Invariant[];
}

/** Memory at the end at most this share above the memory after the warm-up (a fall is memory given back, not a leak). */
export const MEMORY_TOLERANCE = 0.1;

export async function connectionCounts(ctx: Ctx, api: Host, worker: Host): Promise<ConnectionCounts> {
  const rows = (
    await ctx.pg.query(
      `SELECT coalesce(nullif(application_name, ''), '(none)') AS app, count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY 1 ORDER BY 1`,
    )
  ).rows;
  const pgPort = portOf(ctx.url);
  const redisPort = portOf(ctx.redisUrl);
  return {
    database: Object.fromEntries(rows.map((r) => [r.app, r.n])),
    apiPg: connectionsTo(api.pid, pgPort),
    apiRedis: connectionsTo(api.pid, redisPort),
    workerPg: connectionsTo(worker.pid, pgPort),
    workerRedis: connectionsTo(worker.pid, redisPort),
  };
}

/** Waits until the outbox is sent, every queue is idle and no report is queued or building; the time it took. */
export async function drain(ctx: Ctx, timeoutMs: number): Promise<number> {
  const connection = redisConnection(ctx.redisUrl);
  const queues = [...new Set(Object.values(QUEUE_OF_JOB))].map((q) => new Queue(q, { connection, prefix: ctx.queuePrefix }));
  const t0 = now();
  try {
    for (;;) {
      const [{ pending, building }] = (
        await ctx.pg.query(
          `SELECT (SELECT count(*)::int FROM outbox WHERE sent_at IS NULL) AS pending,
                  (SELECT count(*)::int FROM report WHERE status IN ('QUEUED', 'RUNNING')) AS building`,
        )
      ).rows;
      let busy = pending + building;
      for (const q of queues) {
        const c = await q.getJobCounts('wait', 'active', 'delayed', 'prioritized', 'waiting-children');
        busy += Object.values(c).reduce((a, b) => a + b, 0);
      }
      if (busy === 0) return now() - t0;
      if (now() - t0 > timeoutMs) return NaN;
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    for (const q of queues) await q.close();
  }
}

interface CheckInput {
  reportsSince: Date | string;
  reportsRequested: number;
  failedBefore: number;
  failedAfter: number;
  memory: { warm: RetainedMemory; end: RetainedMemory };
  conns: { warm: ConnectionCounts; end: ConnectionCounts };
}

const one = async (ctx: Ctx, sql: string, params: unknown[] = []) => (await ctx.pg.query(sql, params)).rows[0];

/** The invariants the issue names, each with its figures. */
export async function checkInvariants(ctx: Ctx, x: CheckInput): Promise<Invariant[]> {
  const out: Invariant[] = [];
  const history = await one(
    ctx,
    `SELECT count(*)::int AS cases, count(*) FILTER (WHERE c.version - 1 <> coalesce(t.n, 0))::int AS bad
       FROM founding_case c LEFT JOIN (SELECT case_id, count(*) AS n FROM case_transition GROUP BY case_id) t ON t.case_id = c.id`,
  );
  out.push({ name: 'history rows = version − 1', ok: history.bad === 0, detail: `${history.bad} of ${history.cases.toLocaleString('en-US')} cases differ` });

  const outbox = await one(ctx, `SELECT count(*)::int AS rows, count(*) FILTER (WHERE sent_at IS NULL)::int AS pending FROM outbox`);
  out.push({
    name: 'outbox drained',
    ok: outbox.pending === 0 && x.failedAfter === x.failedBefore,
    detail: `${outbox.pending} of ${outbox.rows.toLocaleString('en-US')} rows unsent; ${x.failedAfter - x.failedBefore} jobs failed during the soak`,
  });

  const dup = await one(
    ctx,
    `SELECT (SELECT count(*)::int FROM (SELECT 1 FROM escalation WHERE case_id IS NOT NULL GROUP BY case_id, stage_entry, level HAVING count(*) > 1) d) AS esc,
            (SELECT count(*)::int FROM (SELECT 1 FROM escalation WHERE application_id IS NOT NULL GROUP BY application_id, level HAVING count(*) > 1) d) AS app,
            (SELECT count(*)::int FROM (SELECT 1 FROM notification GROUP BY escalation_id, user_id HAVING count(*) > 1) d) AS notif,
            (SELECT count(*)::int FROM escalation) AS escalations, (SELECT count(*)::int FROM notification) AS notifications`,
  );
  const reports = await one(
    ctx,
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'READY')::int AS ready, count(*) FILTER (WHERE attempts <> 1)::int AS rebuilt
       FROM report WHERE created_at > $1`,
    [x.reportsSince],
  );
  out.push({
    name: 'each effect once',
    ok: dup.esc + dup.app + dup.notif === 0 && reports.n === x.reportsRequested && reports.ready === reports.n && reports.rebuilt === 0,
    detail:
      `${dup.esc + dup.app} duplicated escalations of ${dup.escalations.toLocaleString('en-US')}, ${dup.notif} duplicated notifications of ${dup.notifications.toLocaleString('en-US')}; ` +
      `reports: ${x.reportsRequested} requested, ${reports.n} rows, ${reports.ready} READY, ${reports.rebuilt} built more than once`,
  });

  const w = x.conns.warm;
  const e = x.conns.end;
  // The apps' backends (application_name cdcs); the bench driver's own pools (cdcs-bench-*) come and go with its checks.
  const apps = (c: Record<string, number>) => c.cdcs ?? 0;
  const leak = e.apiPg > w.apiPg || e.workerPg > w.workerPg || e.apiRedis > w.apiRedis || e.workerRedis > w.workerRedis || apps(e.database) > apps(w.database);
  out.push({
    name: 'no connection leak',
    ok: !leak,
    detail:
      `after warm-up → end: API Postgres ${w.apiPg} → ${e.apiPg}, Redis ${w.apiRedis} → ${e.apiRedis}; worker Postgres ${w.workerPg} → ${e.workerPg}, Redis ${w.workerRedis} → ${e.workerRedis}; ` +
      `pg_stat_activity of the database, application cdcs (the API, the worker and the driver's idle in-process app) ${apps(w.database)} → ${apps(e.database)}`,
  });

  const within = (a: number, b: number) => b - a <= MEMORY_TOLERANCE * a;
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
  const pct = (a: number, b: number) => `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(1)} %`;
  const m = x.memory;
  out.push({
    name: `memory flat (at most +${MEMORY_TOLERANCE * 100} %)`,
    ok: within(m.warm.api, m.end.api) && within(m.warm.worker, m.end.worker),
    detail:
      `RSS after a full GC, after warm-up → end: API ${mb(m.warm.api)} → ${mb(m.end.api)} (${pct(m.warm.api, m.end.api)}), worker ${mb(m.warm.worker)} → ${mb(m.end.worker)} (${pct(m.warm.worker, m.end.worker)}); ` +
      `heap in use: API ${mb(m.warm.apiHeap)} → ${mb(m.end.apiHeap)}, worker ${mb(m.warm.workerHeap)} → ${mb(m.end.workerHeap)}`,
  });
  return out;
}
