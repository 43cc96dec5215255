import { APP_CONFIG, AppConfig } from '@app/config';
import { CalendarService, EscalationsService, FiguresService } from '@app/core';
import { DataSource } from 'typeorm';
import { Ctx } from './lib/context';

export type Plan = { title: string; plan: string };

/** A stand-in for the EntityManager/DataSource the services query through: runs EXPLAIN (ANALYZE, BUFFERS) instead. */
function explaining(real: { query: (sql: string, params?: unknown[]) => Promise<any> }, plans: Plan[], title: (sql: string) => string | null) {
  return {
    async query(sql: string, params?: unknown[]) {
      const t = title(sql);
      if (!t) return real.query(sql, params);
      const rows: { 'QUERY PLAN': string }[] = await real.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
      plans.push({ title: t, plan: rows.map((r) => r['QUERY PLAN']).join('\n') });
      // A neutral row for the caller to read on (counts undefined, no notifications).
      return [{ cases: 0, raised: 0, notified: 0 }];
    },
  };
}

/**
 * The sweep's statements explained (EXPLAIN ANALYZE, so they run) through EscalationsService.sweep() itself, on a
 * stand-in DataSource whose query runner keeps everything in one transaction that is rolled back: the data is left as
 * it was. The neutral rows it answers end the sweep's batch loop after the first batch of case levels.
 */
export async function explainSweep(ctx: Ctx, situation: string): Promise<void> {
  const calendar = ctx.app.get(CalendarService);
  await explainSweepOn(ctx.app.get(DataSource), calendar, ctx.app.get(APP_CONFIG), ctx.plans, calendar.today(), situation);
}

export async function explainSweepOn(
  ds: DataSource,
  calendar: CalendarService,
  config: AppConfig,
  plans: Plan[],
  today: string,
  situation: string,
): Promise<void> {
  const fakeDs = {
    createQueryRunner: () => {
      const q = ds.createQueryRunner();
      let began = false;
      const explained = explaining(q, plans, (sql) =>
        /INSERT INTO escalation \(case_id/.test(sql)
          ? `EscalationsService.sweep(): case levels, first batch (${situation})`
          : /INSERT INTO escalation \(application_id/.test(sql)
            ? `EscalationsService.sweep(): overdue applications (${situation})`
            : null,
      );
      return {
        async query(sql: string, params?: unknown[]) {
          if (!began) {
            await q.startTransaction();
            began = true;
          }
          return explained.query(sql, params);
        },
        startTransaction: async () => undefined,
        commitTransaction: async () => undefined,
        rollbackTransaction: async () => undefined,
        async release() {
          if (began) await q.rollbackTransaction();
          await q.release();
        },
      };
    },
  };
  await new EscalationsService(fakeDs as never, calendar, config).sweep(today);
}

/** The figures of last year's report for the federation, each statement explained through FiguresService itself. */
export async function explainFigures(ctx: Ctx, label: string): Promise<void> {
  const ds = ctx.app.get(DataSource);
  const today = ctx.app.get(CalendarService).today();
  const figures = ctx.app.get(FiguresService);
  const year = Number(today.slice(0, 4)) - 1;
  const period = { start: `${year}-01-01`, end: `${year}-12-31` };
  const unit = { id: ctx.world.federation.id, path: ctx.world.federation.path };
  const one = (title: string) => explaining(ds, ctx.plans, () => `${title} (YEAR ${year}, ${label})`) as never;
  await figures.newMembers(one('FiguresService.newMembers'), unit, period);
  await figures.coverageCounts(one('FiguresService.coverageCounts'), unit, period.end);
  await figures.stages(one('FiguresService.stages (ended year: replayed from the history)'), unit, period, today);
  await figures.byOfficer(one('FiguresService.byOfficer'), unit, period, today);
  await figures.byGrassroots(one('FiguresService.byGrassroots'), unit, period);
  const bare = await ds.query(
    `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*)::int AS n FROM member m
      WHERE m.admitted_on BETWEEN $1 AND $2 AND m.grassroots_union_id IN (SELECT id FROM org_unit WHERE path = $3 OR path LIKE $4)`,
    [period.start, period.end, unit.path, `${unit.path}.%`],
  );
  ctx.plans.push({
    title: `baseline: bare count of members admitted in the year (YEAR ${year}, ${label})`,
    plan: bare.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n'),
  });
}
