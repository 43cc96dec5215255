import { CalendarService, FiguresService, PeriodCloseService, ReportBuilderService, subtreeLike } from '@app/core';
import { JobName, QUEUE_OF_JOB } from '@app/queue';
import { Host } from '../lib/children';
import { Ctx, Row } from '../lib/context';
import { timed } from '../lib/load';
import { median } from '../lib/stats';

const BARE = `SELECT count(*)::int AS n FROM member m
  WHERE m.admitted_on BETWEEN $1 AND $2 AND m.grassroots_union_id IN (SELECT id FROM org_unit WHERE path = $3 OR path LIKE $4)`;

/**
 * The YEAR report's figures for the federation (every member, case and enterprise is in its
 * subtree) for last year (ended: the report the scheduler builds): FiguresService.reportFigures
 * (summary, byOfficer, byGrassroots, overdue list in one snapshot), and the full build with the XLSX
 * and CSV (ReportBuilderService.build), against the bare SQL aggregation: the count of members
 * admitted in the year in the subtree. The year's last month end is closed first, as the daily
 * schedule does on the first day of the next month (PeriodCloseService); one round before that
 * shows the figures replayed from the history.
 */
export async function figuresSuite(ctx: Ctx, label: string, worker?: Host): Promise<void> {
  const { pg, scale, world } = ctx;
  const figures = ctx.app.get(FiguresService);
  const builder = ctx.app.get(ReportBuilderService);
  const today = ctx.app.get(CalendarService).today();
  const year = Number(today.slice(0, 4)) - 1;
  const period = { start: `${year}-01-01`, end: `${year}-12-31` };
  const unit = { id: world.federation.id, path: world.federation.path };
  const members = (await pg.query(`SELECT count(*)::int AS n FROM member`)).rows[0].n;
  const bare = () => pg.query(BARE, [period.start, period.end, unit.path, subtreeLike(unit.path)]);
  const figures3 = async () => {
    const f = await figures.reportFigures(unit, period, today);
    return { newMembers: f.summary.newMembers.actual, officers: f.byOfficer.length, unions: f.byGrassroots.length, late: f.overdueCaseList.length };
  };
  const [closedBefore] = (await pg.query(`SELECT 1 FROM period_close WHERE closed_on = $1`, [period.end])).rows;
  if (!closedBefore) {
    const replayed = await timed(figures3);
    const close = await timed(() => ctx.app.get(PeriodCloseService).close(period.end));
    ctx.notes.push(
      `Report figures of YEAR ${year} at ${members.toLocaleString('en-US')} members before its last month end was closed (every changed case replayed from its history): ` +
        `${(replayed.ms / 1000).toFixed(2)} s. Closing ${period.end} (once, by the daily schedule of the next day) took ${(close.ms / 1000).toFixed(1)} s and froze ${close.value.cases.toLocaleString('en-US')} cases.`,
    );
    ctx.log(`  figures ${label}: replayed ${replayed.ms.toFixed(0)} ms; close of ${period.end} ${close.ms.toFixed(0)} ms (${close.value.cases} cases)`);
  }
  const newReport = async () =>
    (
      await pg.query(
        `INSERT INTO report (org_unit_id, period_kind, period_start, period_end, version, status)
       SELECT $1, 'YEAR', $2, $3, coalesce(max(version), 0) + 1, 'QUEUED' FROM report WHERE org_unit_id = $1 AND period_kind = 'YEAR' AND period_start = $2
       RETURNING id`,
        [unit.id, period.start, period.end],
      )
    ).rows[0].id as string;

  const base: number[] = [];
  const sys: number[] = [];
  const build: number[] = [];
  let check = '';
  // A round at 10M members takes minutes (see docs/benchmarks.md): later rounds only while within the budget.
  const budgetMs = scale.name === 'full' ? 120_000 : 30_000;
  const t0 = Date.now();
  for (let r = 0; r < scale.rounds && (r === 0 || Date.now() - t0 < budgetMs); r++) {
    await pg.query('CHECKPOINT');
    const b = await timed(bare);
    base.push(b.ms);
    const s = await timed(figures3);
    sys.push(s.ms);
    const id = await newReport();
    const rb = await timed(() => builder.build(id));
    if (!rb.value.built) throw new Error('report not built');
    build.push(rb.ms);
    check = `${b.value.rows[0].n} members admitted in ${year} (figures say ${s.value.newMembers}); ${s.value.officers} officers, ${s.value.unions} grassroots unions, ${s.value.late} cases in the overdue list`;
    ctx.log(`  figures ${label} r${r}: bare ${b.ms.toFixed(0)} ms, figures ${s.ms.toFixed(0)} ms, report build ${rb.ms.toFixed(0)} ms — ${check}`);
  }
  const [{ xlsx, csv }] = (await pg.query(`SELECT length(xlsx) AS xlsx, length(csv) AS csv FROM report WHERE status = 'READY' ORDER BY built_at DESC LIMIT 1`))
    .rows;
  const mk = (name: string, values: number[], note: string, target?: string): Row => {
    const row: Row = {
      section: 'figures',
      name: `${name}, YEAR ${year}, ${members.toLocaleString('en-US')} members (${label})`,
      baseline: 'bare SQL: count of members admitted in the year in the subtree',
      unit: 'ms',
      system: median(values),
      base: median(base),
      ratio: NaN,
      rounds: { system: values, base },
      note,
    };
    row.ratio = row.base / row.system;
    if (target) row.target = { text: target, met: row.system <= 2 * row.base };
    return row;
  };
  const big = members >= 10_000_000;
  ctx.rows.push(
    mk(
      'report figures (summary, byOfficer, byGrassroots, overdue list; one snapshot on 3 connections; year closed)',
      sys,
      check,
      big ? '≤ 2× bare SQL' : undefined,
    ),
  );
  ctx.rows.push(
    mk(
      'full report build (figures, overdue list, XLSX, CSV, one UPDATE)',
      build,
      `XLSX ${(xlsx / 1024).toFixed(0)} KiB, CSV ${(csv / 1024).toFixed(1)} KiB`,
      big ? '≤ 2× bare SQL' : undefined,
    ),
  );

  if (worker) {
    // One build through the real path (outbox → relay → BUILD_REPORT job in the worker process), for the worker's peak RSS.
    worker.resetPeak();
    const before = worker.memory();
    const id = await newReport();
    const t = await timed(async () => {
      await pg.query(`INSERT INTO outbox (queue, job_name, payload) VALUES ($1, $2, $3)`, [
        QUEUE_OF_JOB[JobName.BUILD_REPORT],
        JobName.BUILD_REPORT,
        JSON.stringify({ reportId: id }),
      ]);
      for (;;) {
        const [row] = (await pg.query(`SELECT status, error FROM report WHERE id = $1`, [id])).rows;
        if (row.status === 'READY') return;
        if (row.status === 'FAILED') throw new Error(`report build failed in the worker: ${row.error}`);
        await new Promise((res) => setTimeout(res, 100));
      }
    });
    const after = worker.memory();
    ctx.memory.push({
      process: 'worker',
      phase: `YEAR report build via outbox → worker job, ${members.toLocaleString('en-US')} members (${(t.ms / 1000).toFixed(1)} s)`,
      rss: before.rss,
      hwm: after.hwm,
    });
    ctx.log(
      `  worker-built report: ${t.ms.toFixed(0)} ms, worker RSS before ${(before.rss / 1048576).toFixed(0)} MB, peak ${(after.hwm / 1048576).toFixed(0)} MB`,
    );
  }
}
