import Redis from 'ioredis';
import { addDays, vnDateOf } from '@app/domain';
import { JobName, QUEUE_OF_JOB } from '@app/queue';
import { Host } from '../lib/children';
import { Ctx } from '../lib/context';
import { GqlClient } from '../lib/http';
import { now, percentile } from '../lib/stats';
import { PASSWORD } from '../seed';
import { ConnectionCounts, SoakReport, SoakSample, checkInvariants, connectionCounts, drain } from './soak-checks';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
const OUTREACH = `mutation($i: OutreachInput!) { recordOutreach(input: $i) { id version } }`;
const CASES = `query { foundingCases(first: 20) { totalCount nodes { id version stage stageDueOn enterprise { name } history { version action } } } }`;
const CASE = `query($id: ID!) { foundingCase(id: $id) { id version stage history { version action at } } }`;
const PIPELINE = `query($u: ID!, $y: Int!) { pipeline(orgUnitId: $u, year: $y) { stages { stage count overdue } newMembers { target actual } } }`;
const MEMBERS = `query($g: ID!) { members(grassrootsUnionId: $g, first: 20) { totalCount nodes { id fullName status } } }`;
const REPORT = `mutation($i: ReportInput!) { requestReport(input: $i) { id status } }`;

export const SOAK_CLIENTS = 32;
/** The soak's longest run: the issue's bound. */
const MAX_SECONDS = 600;

type Kind = 'recordOutreach' | 'foundingCases' | 'foundingCase' | 'pipeline' | 'members';
/** Ten slots a client cycles through: 4 writes, 6 reads. */
const MIX: Kind[] = [
  'recordOutreach',
  'foundingCases',
  'recordOutreach',
  'foundingCase',
  'recordOutreach',
  'pipeline',
  'recordOutreach',
  'members',
  'foundingCases',
  'foundingCase',
];

/**
 * The soak (docs/benchmarks.md, "Soak"): 32 closed-loop clients of mixed reads and writes against the API
 * process for BENCH_SOAK_SECONDS (≤ 600; 480 by default, 60 at BENCH_SCALE=small), with the worker process
 * sweeping (an escalation-sweep outbox row every `sweepEvery` s) and building reports (a requestReport every
 * `reportEvery` s); then, once the outbox and queues have drained, the invariants (soak-checks.ts).
 */
export async function soakSuite(ctx: Ctx): Promise<void> {
  const { world, pg, scale } = ctx;
  const seconds = Math.min(MAX_SECONDS, Number(process.env.BENCH_SOAK_SECONDS ?? scale.soakSeconds));
  const warmup = Math.min(60, seconds / 5);
  const sweepEvery = scale.name === 'small' ? 10 : 30;
  const reportEvery = scale.name === 'small' ? 10 : 20;
  if (world.txOfficers.length < SOAK_CLIENTS) throw new Error(`need ${SOAK_CLIENTS} tx officers`);

  const dbBefore = (await pg.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()`)).rows[0].n;
  const api = await Host.start('api', 'api-host.ts', ctx.hostEnv);
  const worker = await Host.start('worker', 'worker-host.ts', ctx.hostEnv);
  const gql = new GqlClient(`http://127.0.0.1:${api.info.port}`);
  try {
    const officers = world.txOfficers.slice(0, SOAK_CLIENTS);
    const tokens: string[] = [];
    for (const o of officers) tokens.push((await gql.request(LOGIN, { e: o.email, p: PASSWORD })).login.accessToken);
    const supervisor = world.unitSupervisors[0];
    const supToken = (await gql.request(LOGIN, { e: supervisor.email, p: PASSWORD })).login.accessToken;
    const unit0 = world.units[0];
    const unions: string[] = (
      await pg.query(`SELECT id FROM org_unit WHERE kind = 'GRASSROOTS' AND path LIKE $1 ORDER BY id LIMIT 50`, [`${unit0.path}.%`])
    ).rows.map((r) => r.id);
    if (!unions.length) throw new Error('no grassroots union under the first unit');
    const today = vnDateOf(new Date());
    const year = Number(today.slice(0, 4));
    const heldOn = addDays(today, -1);
    const monthStart = `${today.slice(0, 8)}01`;
    const reportsBefore = (await pg.query(`SELECT coalesce(max(created_at), '-infinity') AS t FROM report`)).rows[0].t;
    const failedBefore = await failedJobs(ctx);

    const lat = new Map<Kind, number[]>(MIX.map((k) => [k, []]));
    const errors = new Map<Kind, number>();
    let firstError: string | undefined;
    const samples: SoakSample[] = [];
    const t0 = now();
    const until = t0 + seconds * 1000;
    const at = () => (now() - t0) / 1000;

    const op = async (k: number, i: number): Promise<void> => {
      const kind = MIX[i % MIX.length];
      const mine = world.txCases[k];
      const c = mine[i % mine.length];
      const s = now();
      try {
        if (kind === 'recordOutreach') {
          const d = await gql.request(
            OUTREACH,
            { i: { caseId: c.id, expectedVersion: c.version, heldOn, workersReached: 120, workersInterested: 45 } },
            tokens[k],
          );
          c.version = d.recordOutreach.version;
        } else if (kind === 'foundingCases') await gql.request(CASES, {}, tokens[k]);
        else if (kind === 'foundingCase') await gql.request(CASE, { id: c.id }, tokens[k]);
        else if (kind === 'pipeline') await gql.request(PIPELINE, { u: unit0.id, y: year }, supToken);
        else await gql.request(MEMBERS, { g: unions[(k + i) % unions.length] }, supToken);
        lat.get(kind)!.push(now() - s);
      } catch (e) {
        errors.set(kind, (errors.get(kind) ?? 0) + 1);
        firstError ??= `${kind}: ${(e as Error).message.slice(0, 200)}`;
        if (kind === 'recordOutreach') c.version = (await pg.query(`SELECT version FROM founding_case WHERE id = $1`, [c.id])).rows[0].version;
      }
    };
    const clients = Array.from({ length: SOAK_CLIENTS }, async (_, k) => {
      for (let i = 0; now() < until; i++) await op(k, i);
    });

    // The worker's share: sweeps through the outbox, reports through the API (the supervisor asks, the worker builds).
    let sweeps = 0;
    let reportsRequested = 0;
    let backgroundError: string | undefined;
    const background = (async () => {
      let nextSweep = 0;
      let nextReport = reportEvery / 2;
      while (now() < until) {
        try {
          if (at() >= nextSweep) {
            await pg.query(`INSERT INTO outbox (queue, job_name, payload) VALUES ($1, $2, '{}')`, [
              QUEUE_OF_JOB[JobName.ESCALATION_SWEEP],
              JobName.ESCALATION_SWEEP,
            ]);
            sweeps++;
            nextSweep += sweepEvery;
          }
          if (at() >= nextReport) {
            await gql.request(REPORT, { i: { orgUnitId: unit0.id, periodKind: 'MONTH', periodStart: monthStart } }, supToken);
            reportsRequested++;
            nextReport += reportEvery;
          }
        } catch (e) {
          backgroundError ??= (e as Error).message.slice(0, 200);
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    })();

    // RSS every 5 s; the connections and the reference RSS at the end of the warm-up.
    let afterWarmup: { api: number; worker: number; apiHeap: number; workerHeap: number; conns: ConnectionCounts } | undefined;
    const sampler = (async () => {
      while (now() < until) {
        await new Promise((r) => setTimeout(r, 5000));
        samples.push({ at: at(), api: api.memory().rss, worker: worker.memory().rss });
        if (!afterWarmup && at() >= warmup) {
          // Retained memory: RSS after a full collection (the raw RSS is a GC sawtooth of ±20 % at this load).
          const [a, w] = [await api.collect(), await worker.collect()];
          afterWarmup = { api: a.rss, worker: w.rss, apiHeap: a.heapUsed, workerHeap: w.heapUsed, conns: await connectionCounts(ctx, api, worker) };
          ctx.log(
            `  soak: warmed up at ${at().toFixed(0)} s; API ${(afterWarmup.api / 2 ** 20).toFixed(0)} MB, worker ${(afterWarmup.worker / 2 ** 20).toFixed(0)} MB`,
          );
        }
      }
    })();
    const start = { api: api.memory().rss, worker: worker.memory().rss };
    ctx.log(`  soak: ${SOAK_CLIENTS} clients for ${seconds} s (warm-up ${warmup} s), a sweep every ${sweepEvery} s, a report every ${reportEvery} s`);
    await Promise.all([...clients, background, sampler]);
    const elapsed = now() - t0;
    const endRaw = { api: api.memory().rss, worker: worker.memory().rss };
    const drainMs = await drain(ctx, 180_000);
    // Pools settle (idle connections stay, a leaked one would too).
    await new Promise((r) => setTimeout(r, 2000));
    const connsEnd = await connectionCounts(ctx, api, worker);
    const [a, w] = [await api.collect(), await worker.collect()];
    const end = { api: a.rss, worker: w.rss, apiHeap: a.heapUsed, workerHeap: w.heapUsed };
    const warm = afterWarmup ?? end;
    const invariants = await checkInvariants(ctx, {
      reportsSince: reportsBefore,
      reportsRequested,
      failedBefore,
      failedAfter: await failedJobs(ctx),
      memory: { warm, end },
      conns: { warm: afterWarmup?.conns ?? connsEnd, end: connsEnd },
    });
    const ops = [...lat.values()].reduce((n, xs) => n + xs.length, 0);
    const all = [...lat.values()].flat();
    const report: SoakReport = {
      seconds,
      warmupSeconds: warmup,
      clients: SOAK_CLIENTS,
      elapsedMs: elapsed,
      ops,
      rate: (ops / elapsed) * 1000,
      p50: percentile(all, 50),
      p99: percentile(all, 99),
      byKind: MIX.filter((k, i) => MIX.indexOf(k) === i).map((k) => ({
        kind: k,
        ops: lat.get(k)!.length,
        errors: errors.get(k) ?? 0,
        p50: percentile(lat.get(k)!, 50),
        p99: percentile(lat.get(k)!, 99),
      })),
      errors: [...errors.values()].reduce((a, b) => a + b, 0),
      firstError: firstError ?? backgroundError,
      sweeps,
      reportsRequested,
      drainMs,
      memory: { start, warm, end, endRaw, samples },
      dbConnectionsBefore: dbBefore,
      invariants,
    };
    ctx.soak = report;
    ctx.memory.push({ process: 'API', phase: `soak (${SOAK_CLIENTS} clients, ${seconds} s)`, rss: start.api, hwm: api.memory().hwm });
    ctx.memory.push({ process: 'worker', phase: `soak (sweeps, report builds, ${seconds} s)`, rss: start.worker, hwm: worker.memory().hwm });
    ctx.log(
      `  soak: ${ops} ops (${report.rate.toFixed(0)}/s), p50 ${report.p50.toFixed(1)} p99 ${report.p99.toFixed(1)} ms, ${report.errors} errors${report.firstError ? ` (${report.firstError})` : ''}; drained in ${(drainMs / 1000).toFixed(1)} s`,
    );
    for (const inv of invariants) ctx.log(`  soak invariant ${inv.ok ? 'ok  ' : 'FAIL'} ${inv.name}: ${inv.detail}`);
  } finally {
    gql.close();
    await api.stop();
    await worker.stop();
  }
}

/** Failed jobs over every queue of the prefix (BullMQ keeps them in `<prefix>:<queue>:failed`). */
async function failedJobs(ctx: Ctx): Promise<number> {
  const r = new Redis(ctx.redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let n = 0;
    for (const q of new Set(Object.values(QUEUE_OF_JOB))) n += await r.zcard(`${ctx.queuePrefix}:${q}:failed`);
    return n;
  } finally {
    r.disconnect();
  }
}
