/**
 * The YEAR report's figures against the bare member count, as bench/suites/figures.ts times them, on
 * any migrated database (e.g. a copy of a bench world): no seeding, no API, no Redis.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/cdcs_copy node -r @swc-node/register bench/tools/figures-compare.ts [rounds] [--close] [--build] [--unit=<org unit id>] [--year=2025]
 *
 * --close first closes the period's last day as the daily schedule would (PeriodCloseService) when it is not yet.
 * Each round: CHECKPOINT, the bare count, FiguresService.reportFigures (what the bench times), then
 * figures + byOfficer + byGrassroots (one after the other, from the pool), and with --build ReportBuilderService.build of a new YEAR report version (figures,
 * overdue list, XLSX, CSV, one UPDATE; the report rows it adds are left in the database).
 */
import 'reflect-metadata';
import { loadConfig } from '@app/config';
import {
  BudgetService,
  CalendarService,
  FiguresService,
  OrgUnitsService,
  PeriodCloseService,
  ReportBuilderService,
  subtreeLike,
  ReturnPeriodsService,
  ReturnsBoardService,
} from '@app/core';
import { ReadDb, dataSourceOptions } from '@app/persistence';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';

const BARE = `SELECT count(*)::int AS n FROM member m
  WHERE m.admitted_on BETWEEN $1 AND $2 AND m.grassroots_union_id IN (SELECT id FROM org_unit WHERE path = $3 OR path LIKE $4)`;

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const args = process.argv.slice(2);
  const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
  const build = args.includes('--build');
  const opt = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const ds = await new DataSource({ ...dataSourceOptions(url), logging: false }).initialize();
  const config = loadConfig({ ...process.env, DATABASE_URL: url });
  const calendar = new CalendarService(ds, config, () => new Date());
  const figures = new FiguresService(ds);
  const returns = new ReturnsBoardService(ds, new ReturnPeriodsService(calendar), calendar);
  const builder = new ReportBuilderService(
    ds,
    ReadDb.primaryOnly(ds),
    figures,
    calendar,
    returns,
    new BudgetService(ds, new OrgUnitsService(ds, calendar), figures, calendar),
  );
  const today = calendar.today();
  const year = Number(opt('year') ?? Number(today.slice(0, 4)) - 1);
  const period = { start: `${year}-01-01`, end: `${year}-12-31` };
  const unitId = opt('unit');
  const [unit] = unitId
    ? await ds.query(`SELECT id, path FROM org_unit WHERE id = $1`, [unitId])
    : await ds.query(`SELECT id, path FROM org_unit WHERE kind = 'FEDERATION' ORDER BY created_at, id LIMIT 1`); // the bench world's federation
  if (args.includes('--close')) {
    // What the daily schedule does on the first day after the year's last month: close it (once), so the figures read the close.
    const t = Date.now();
    const r = await new PeriodCloseService(ds).close(period.end);
    if (r.closed) await ds.query(`VACUUM ANALYZE case_close_state`);
    console.log(`close of ${period.end}: ${JSON.stringify(r)} in ${Date.now() - t} ms`);
  }
  const ms = async <T>(f: () => Promise<T>) => {
    const t = process.hrtime.bigint();
    const value = await f();
    return { ms: Number(process.hrtime.bigint() - t) / 1e6, value };
  };
  if (args.includes('--explain')) {
    // Each statement of figures, byOfficer, byGrassroots and the overdue list, explained (EXPLAIN ANALYZE runs it) and timed.
    const explaining = {
      query: async (sql: string, params?: unknown[]) => {
        const plan: { 'QUERY PLAN': string }[] = await ds.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
        console.log(`\n--- ${sql.replace(/\s+/g, ' ').slice(0, 160)}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
        return ds.query(sql, params);
      },
    } as unknown as DataSource;
    await figures.figures(unit, period, today, explaining);
    await figures.byOfficer(explaining, unit, period, today);
    await figures.byGrassroots(explaining, unit, period);
    await figures.overdueCasesOf(explaining, unit, period, today);
    await ds.destroy();
    return;
  }
  if (args.includes('--parts')) {
    // Each statement alone, `rounds` times, on one connection: wall ms and the backend's CPU ms (from /proc,
    // steadier than wall time on a shared machine), without EXPLAIN's per-row overhead.
    const qr = ds.createQueryRunner();
    await qr.connect();
    const m = qr.manager;
    const [{ pid }] = await m.query('SELECT pg_backend_pid() AS pid');
    const cpu = () => {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in ms (USER_HZ = 100)
    };
    const calls: [string, () => Promise<unknown>][] = [
      ['bare count', () => m.query(BARE, [period.start, period.end, unit.path, subtreeLike(unit.path)])],
      ['newMembers', () => figures.newMembers(m, unit, period)],
      ['newGrassrootsUnions', () => figures.newGrassrootsUnions(m, unit, period)],
      ['coverageCounts', () => figures.coverageCounts(m, unit, period.end)],
      ['stages', () => figures.stages(m, unit, period, today)],
      ['byOfficer', () => figures.byOfficer(m, unit, period, today)],
      ['byGrassroots', () => figures.byGrassroots(m, unit, period)],
      ['overdueCasesOf', () => figures.overdueCasesOf(m, unit, period, today)],
    ];
    for (const [name, f] of calls) {
      const out: string[] = [];
      for (let r = 0; r < rounds; r++) {
        const c0 = cpu();
        const t = await ms(f);
        out.push(`${t.ms.toFixed(0).padStart(6)} (${(cpu() - c0).toFixed(0)})`);
      }
      console.log(`${name.padEnd(20)} ${out.join(' ')} ms wall (backend CPU ms)`);
    }
    await qr.release();
    await ds.destroy();
    return;
  }
  const rows: string[] = [];
  for (let r = 0; r < rounds; r++) {
    await ds.query('CHECKPOINT');
    const b = await ms(() => ds.query(BARE, [period.start, period.end, unit.path, subtreeLike(unit.path)]));
    const parts: Record<string, number> = {};
    const part = async <T>(name: string, f: () => Promise<T>) => {
      const x = await ms(f);
      parts[name] = x.ms;
      return x.value;
    };
    const s = await ms(async () => {
      const f = await part('figures', () => figures.figures(unit, period, today, ds));
      const o = await part('byOfficer', () => figures.byOfficer(ds, unit, period, today));
      const g = await part('byGrassroots', () => figures.byGrassroots(ds, unit, period));
      return { newMembers: f.newMembers.actual, officers: o.length, unions: g.length };
    });
    // What the report build and the bench time: all of it in one snapshot, side by side on 3 connections.
    const rf = await ms(() => figures.reportFigures(unit, period, today));
    let line = `round ${r}: bare ${b.ms.toFixed(0)} ms, reportFigures ${rf.ms.toFixed(0)} ms = ${(rf.ms / b.ms).toFixed(2)}× bare; one by one: figures+byOfficer+byGrassroots ${s.ms.toFixed(0)} ms (${Object.entries(
      parts,
    )
      .map(([k, v]) => `${k} ${v.toFixed(0)}`)
      .join(
        ', ',
      )}) = ${(s.ms / b.ms).toFixed(2)}× bare; ${b.value[0].n} admitted (figures say ${s.value.newMembers}), ${s.value.officers} officers, ${s.value.unions} unions`;
    if (build) {
      const [{ id }] = await ds.query(
        `INSERT INTO report (org_unit_id, period_kind, period_start, period_end, version, status)
         SELECT $1, 'YEAR', $2, $3, coalesce(max(version), 0) + 1, 'QUEUED' FROM report WHERE org_unit_id = $1 AND period_kind = 'YEAR' AND period_start = $2
         RETURNING id`,
        [unit.id, period.start, period.end],
      );
      // The build reports its progress as the figures' statements finish (5–75), then XLSX 85, CSV 90, written 100.
      const marks: [number, number][] = [];
      const t0 = process.hrtime.bigint();
      const rb = await ms(() => builder.build(id, (pct) => void marks.push([pct, Number(process.hrtime.bigint() - t0) / 1e6])));
      if (!rb.value.built) throw new Error('report not built');
      const steps = marks.map(([pct, t], i) => `${pct}%:${(t - (i ? marks[i - 1][1] : 0)).toFixed(0)}`).join(' ');
      line += `; full build ${rb.ms.toFixed(0)} ms = ${(rb.ms / b.ms).toFixed(2)}× bare (ms per step up to progress: ${steps})`;
    }
    console.log(line);
    rows.push(line);
  }
  await ds.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
