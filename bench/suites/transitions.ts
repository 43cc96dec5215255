import { Actor, CasesService, Role } from '@app/core';
import { addDays, vnDateOf } from '@app/domain';
import { Host } from '../lib/children';
import { Ctx, Row } from '../lib/context';
import { GqlClient } from '../lib/http';
import { CpuMeter, CpuUse } from '../lib/cpu';
import { LoadResult, closedLoop, measuredLoop, medianCpu } from '../lib/load';
import { median } from '../lib/stats';

const MUTATION = `mutation($i: OutreachInput!) { recordOutreach(input: $i) { id version stage } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;

type Mode = 'raw SQL (pg)' | 'CasesService in-process' | 'GraphQL HTTP' | 'GraphQL HTTP, 2 API processes';
const MODES: Mode[] = ['raw SQL (pg)', 'CasesService in-process', 'GraphQL HTTP', 'GraphQL HTTP, 2 API processes'];
/** The modes measured against the 16-client target: one API process, and the API as one process per core (API_PROCESSES=2). */
const TARGETED: Mode[] = ['GraphQL HTTP', 'GraphQL HTTP, 2 API processes'];

/**
 * recordOutreach (a version-bumping change: load, version-checked UPDATE, evidence, history) at
 * 1/16/64 concurrent clients on distinct cases. Each client owns its cases and tracks their versions.
 * Per round: the raw-SQL baseline, the service in-process, GraphQL over HTTP; medians of the rounds.
 */
export async function transitionsSuite(ctx: Ctx, password: string): Promise<void> {
  const { world, scale, pg, gql } = ctx;
  const cases = ctx.app.get(CasesService);
  const unit0 = world.units[0];
  const tokens: string[] = [];
  for (const o of world.txOfficers) tokens.push((await gql.request(LOGIN, { e: o.email, p: password })).login.accessToken);
  const actors: Actor[] = world.txOfficers.map((o) => ({
    userId: o.id,
    role: Role.OFFICER,
    orgUnitId: unit0.id,
    orgPath: unit0.path,
    fullName: o.email,
    email: o.email,
  }));
  const heldOn = addDays(vnDateOf(new Date()), -1);
  const input = (caseId: string, expectedVersion: number) => ({
    caseId,
    expectedVersion,
    heldOn,
    workersReached: 120,
    workersInterested: 45,
    note: 'Tuyên truyền tại ca sáng',
  });

  const meter = new CpuMeter(pg, ctx.api.pid);
  // The same API as API_PROCESSES=2 (the product's cluster mode: a primary forking two API processes on one port).
  const clustered = await Host.start('api-cluster', 'api-host.ts', { ...ctx.hostEnv, API_PROCESSES: '2' });
  const clusterGql = new GqlClient(`http://127.0.0.1:${clustered.info.port}`);
  const clusterMeter = new CpuMeter(pg, clustered.info.pids as number[]);
  const meterOf = (m: Mode) => (m === 'GraphQL HTTP, 2 API processes' ? clusterMeter : meter);
  try {
    await measureModes();
  } finally {
    clusterGql.close();
    await clustered.stop();
  }

  async function measureModes(): Promise<void> {
    const reload = async (c: { id: string; version: number }) => {
      c.version = (await pg.query(`SELECT version FROM founding_case WHERE id = $1`, [c.id])).rows[0].version;
    };

    // Client k of a run at concurrency c acts as load officer (n - c + k), so the 1- and 16-client runs do not
    // pile all their writes on the same few cases (LOAD_CASE_SQL's cost grows with a case's evidence rows).
    let offset = 0;
    const ops: Record<Mode, (client: number, i: number) => Promise<void>> = {
      'raw SQL (pg)': async (k, i) => {
        const client = offset + k;
        const mine = world.txCases[client];
        const c = mine[i % mine.length];
        const db = await pg.connect();
        try {
          await db.query('BEGIN');
          const up = await db.query(
            `UPDATE founding_case SET stage = 'OUTREACH', version = version + 1 WHERE id = $1 AND version = $2 RETURNING version, stage_due_on`,
            [c.id, c.version],
          );
          if (up.rowCount !== 1) throw new Error('CONFLICT: version');
          const v = up.rows[0].version;
          await db.query(
            `INSERT INTO case_evidence (case_id, kind, stage, occurred_on, details, recorded_by) VALUES ($1, 'OUTREACH', 'OUTREACH', $2, $3, $4)`,
            [c.id, heldOn, JSON.stringify({ workersReached: 120, workersInterested: 45 }), world.txOfficers[client].id],
          );
          await db.query(
            `INSERT INTO case_transition (case_id, version, action, from_stage, to_stage, stage_due_on, by_user_id, comment)
             VALUES ($1, $2, 'RECORD_OUTREACH', 'OUTREACH', 'OUTREACH', $3, $4, $5)`,
            [c.id, v, up.rows[0].stage_due_on, world.txOfficers[client].id, 'Tuyên truyền tại ca sáng'],
          );
          await db.query('COMMIT');
          c.version = v;
        } catch (e) {
          await db.query('ROLLBACK').catch(() => undefined);
          await reload(c);
          throw e;
        } finally {
          db.release();
        }
      },
      'CasesService in-process': async (k, i) => {
        const client = offset + k;
        const mine = world.txCases[client];
        const c = mine[i % mine.length];
        try {
          const r = await cases.recordOutreach(actors[client], input(c.id, c.version));
          c.version = r.version;
        } catch (e) {
          await reload(c);
          throw e;
        }
      },
      'GraphQL HTTP': async (k, i) => graphqlOp(gql, k, i),
      'GraphQL HTTP, 2 API processes': async (k, i) => graphqlOp(clusterGql, k, i),
    };
    async function graphqlOp(client: GqlClient, k: number, i: number): Promise<void> {
      const n = offset + k;
      const mine = world.txCases[n];
      const c = mine[i % mine.length];
      try {
        const d = await client.request(MUTATION, { i: input(c.id, c.version) }, tokens[n]);
        c.version = d.recordOutreach.version;
      } catch (e) {
        await reload(c);
        throw e;
      }
    }

    // For profiling: BENCH_TX_MODES=graphql (or raw, service) and BENCH_TX_CONC=16 narrow the runs.
    const modeFilter = process.env.BENCH_TX_MODES?.split(',');
    const modes = modeFilter ? MODES.filter((m) => modeFilter.some((f) => m.toLowerCase().includes(f))) : MODES;
    const concurrencies = process.env.BENCH_TX_CONC ? process.env.BENCH_TX_CONC.split(',').map(Number) : scale.concurrencies;
    // Where the API's time goes: the same HTTP + GraphQL request without auth, with auth only, and the mutation.
    if (!modeFilter || modeFilter.includes('graphql')) {
      const conc = 16;
      offset = 0;
      const steps: [string, (client: number, i: number) => Promise<void>][] = [
        ['`{ __typename }`: HTTP (Fastify), Mercurius (no guard, no database)', async () => void (await gql.request(`{ __typename }`, {}))],
        [
          "`{ me { id } }`: + JWT verify + the caller (AccessGuard: the callers' cache, else one statement) + one resolver",
          async (k) => void (await gql.request(`{ me { id } }`, {}, tokens[k])),
        ],
        ['`recordOutreach`: + the CasesService transaction', ops['GraphQL HTTP']],
      ];
      for (const [name, op] of steps) {
        await closedLoop(conc, scale.warmupSeconds, op);
        const res = await measuredLoop(meter, conc, scale.transitionSeconds, op);
        ctx.diagnostics.push({ section: 'transitions', name: `${name}, ${conc} clients`, rate: res.rate, p50: res.p50, p99: res.p99, cpu: res.cpu });
        ctx.log(
          `  API breakdown ${name.slice(0, 20)}: ${res.rate.toFixed(0)}/s, API CPU ${res.cpu!.api.toFixed(2)} ms/req, PG ${res.cpu!.pg.toFixed(2)} (${pgSplit(res.cpu!)})`,
        );
      }
    }

    for (const conc of concurrencies) {
      if (conc > world.txOfficers.length) throw new Error(`need ${conc} tx officers`);
      offset = world.txOfficers.length - conc;
      for (const m of modes) await closedLoop(conc, scale.warmupSeconds, ops[m]);
      const runs = Object.fromEntries(MODES.map((m) => [m, [] as LoadResult[]])) as Record<Mode, LoadResult[]>;
      for (let r = 0; r < scale.rounds; r++) {
        for (const m of modes) {
          const res = await measuredLoop(meterOf(m), conc, Number(process.env.BENCH_TX_SECONDS ?? scale.transitionSeconds), ops[m]);
          runs[m].push(res);
          const cpu = res.cpu!;
          ctx.log(
            `  transitions c=${conc} ${m}: ${res.rate.toFixed(0)} ops/s p50 ${res.p50.toFixed(1)} p99 ${res.p99.toFixed(1)} ms; CPU/op driver ${cpu.driver.toFixed(2)} api ${cpu.api.toFixed(2)} (kernel ${(cpu.apiSystem ?? 0).toFixed(2)}) pg ${cpu.pg.toFixed(2)} ms (${pgSplit(cpu)})${res.errors ? ` errors ${res.errors} (${res.firstError})` : ''}`,
          );
        }
      }
      const base = runs['raw SQL (pg)'];
      for (const m of MODES.slice(1)) {
        const sys = runs[m];
        if (!sys.length || !base.length) continue;
        const row: Row = {
          section: 'transitions',
          name: `recordOutreach, ${m}, ${conc} client${conc > 1 ? 's' : ''}`,
          baseline: 'raw SQL via pg: BEGIN; version-checked UPDATE; evidence + history INSERT; COMMIT',
          unit: 'ops/s',
          system: median(sys.map((x) => x.rate)),
          base: median(base.map((x) => x.rate)),
          ratio: NaN,
          p50: median(sys.map((x) => x.p50)),
          p99: median(sys.map((x) => x.p99)),
          baseP50: median(base.map((x) => x.p50)),
          baseP99: median(base.map((x) => x.p99)),
          rounds: { system: sys.map((x) => x.rate), base: base.map((x) => x.rate) },
          errors: sys.reduce((n, x) => n + x.errors, 0) + base.reduce((n, x) => n + x.errors, 0),
          cpu: medianCpu(sys),
          baseCpu: medianCpu(base),
        };
        row.ratio = row.system / row.base;
        if (TARGETED.includes(m) && conc === 16) {
          row.target = { text: '≥ 0.55 and p99 < 50 ms', met: row.ratio >= 0.55 && row.p99! < 50 };
        } else if (TARGETED.includes(m) && conc === 64) {
          row.target = { text: '≥ 0.55', met: row.ratio >= 0.55 };
        }
        ctx.rows.push(row);
      }
    }
  }
}

/** Postgres's CPU per operation by backend kind (the apps' pools, the driver's, autovacuum …), largest first. */
function pgSplit(cpu: CpuUse): string {
  return Object.entries(cpu.pgBy ?? {})
    .filter(([, ms]) => ms >= 0.005)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, ms]) => `${kind} ${ms.toFixed(2)}`)
    .join(', ');
}
