/**
 * The sweep bench's daily / repeat (and optionally backlog) situations on an existing database (e.g. a copy of a
 * seeded bench world), set up exactly as bench/suites/sweep.ts does: everything due until yesterday raised by the bare
 * statements, then EscalationsService.sweep(today) timed against the bare baseline, rounds alternating.
 * Usage: [ESCALATION_SWEEP_LANES=2] DATABASE_URL=postgres://…/cdcs_copy node -r @swc-node/register bench/tools/sweep-daily.ts [ROUNDS] [backlog] [explain]
 * `explain` prints EXPLAIN (ANALYZE, BUFFERS) of the sweep's statements for the daily run (rolled back).
 * It rewrites escalation, notification and the cases' progress: never point it at a database you want to keep as is.
 */
import { Pool } from 'pg';
import { CpuMeter } from '../lib/cpu';
import { DataSource } from 'typeorm';
import { CalendarService, EscalationsService } from '@app/core';
import { AppConfig } from '@app/config';
import { addDays } from '@app/domain';
import { sweepFixture } from '../suites/sweep';
import { Plan, explainSweepOn } from '../explain';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const rounds = Number(process.argv[2] ?? 3);
const withBacklog = process.argv.includes('backlog');
const withExplain = process.argv.includes('explain');

let meter: CpuMeter;
/** Wall ms, the result, and the Postgres backends' CPU ms (steadier than wall time on a shared machine). */
async function ms<T>(fn: () => Promise<T>): Promise<[number, T, number]> {
  const a = await meter.snap();
  const t = process.hrtime.bigint();
  const v = await fn();
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  return [wall, v, (await meter.since(a)).pg];
}

async function main(): Promise<void> {
  const pg = new Pool({ connectionString: url, max: 2 });
  meter = new CpuMeter(pg);
  const ds = await new DataSource({ type: 'postgres', url, entities: [] }).initialize();
  const [{ today }] = (await pg.query(`SELECT to_char((now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD') AS today`)).rows;
  const yesterday = addDays(today, -1);
  const calendar = { today: () => today } as unknown as CalendarService;
  const config = { smtpUrl: undefined, escalationSweepLanes: Number(process.env.ESCALATION_SWEEP_LANES ?? 2) } as unknown as AppConfig;
  const sweeps = new EscalationsService(ds, calendar, config);
  const fx = await sweepFixture(pg);
  const counts = async () =>
    (
      await pg.query(`SELECT count(*) FILTER (WHERE case_id IS NOT NULL)::int AS cases, count(*) FILTER (WHERE application_id IS NOT NULL)::int AS apps,
                            (SELECT count(*)::int FROM notification) AS notes FROM escalation`)
    ).rows[0];
  console.log(`today ${today}; setting up: everything due until ${yesterday} raised by the bare statements`);
  const [setupMs, backToYesterday] = await ms(() => fx.raiseUntil(yesterday));
  const setup = await counts();
  console.log(`  set up in ${setupMs.toFixed(0)} ms: ${JSON.stringify(setup)}`);
  for (let r = 0; r < rounds; r++) {
    await pg.query('CHECKPOINT');
    const [base, , baseCpu] = await ms(() => fx.bare(today));
    await backToYesterday();
    await pg.query('CHECKPOINT');
    const [sys, res, sysCpu] = await ms(() => sweeps.sweep(today));
    const c = await counts();
    const [rbase, , rbaseCpu] = await ms(() => fx.bare(today));
    const [rsys, rres, rsysCpu] = await ms(() => sweeps.sweep(today));
    await backToYesterday();
    console.log(
      `r${r}: daily base ${base.toFixed(0)} ms (pg cpu ${baseCpu.toFixed(0)}) sys ${sys.toFixed(0)} ms (pg cpu ${sysCpu.toFixed(0)}) ${JSON.stringify(res)}; ` +
        `new ${c.cases - setup.cases} case levels, ${c.apps - setup.apps} applications, ${c.notes} notifications | ` +
        `repeat base ${rbase.toFixed(0)} ms (pg cpu ${rbaseCpu.toFixed(0)}) sys ${rsys.toFixed(0)} ms (pg cpu ${rsysCpu.toFixed(0)}) ${JSON.stringify(rres)}`,
    );
  }
  if (withExplain) {
    // The daily run's statements explained inside one transaction that is rolled back (its first batch of case levels).
    const plans: Plan[] = [];
    await explainSweepOn(ds, calendar, config, plans, today, 'daily');
    for (const p of plans) console.log(`---- ${p.title}\n${p.plan}`);
  }
  if (withBacklog) {
    await fx.truncate();
    await pg.query('CHECKPOINT');
    const [base, , baseCpu] = await ms(() => fx.bare(today));
    await fx.truncate();
    await pg.query('CHECKPOINT');
    const [sys, res, sysCpu] = await ms(() => sweeps.sweep(today));
    console.log(
      `backlog: base ${base.toFixed(0)} ms (pg cpu ${baseCpu.toFixed(0)}) sys ${sys.toFixed(0)} ms (pg cpu ${sysCpu.toFixed(0)}) ${JSON.stringify(res)}; ${JSON.stringify(await counts())}`,
    );
    // Leave the database as the daily setup had it.
    await fx.raiseUntil(yesterday);
  }
  await ds.destroy();
  await pg.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
