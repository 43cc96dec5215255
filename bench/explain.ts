import { APP_CONFIG } from '@app/config';
import { CalendarService, EscalationsService, FiguresService } from '@app/core';
import { DataSource, EntityManager } from 'typeorm';
import { Ctx } from './lib/context';

type Plan = { title: string; plan: string };

const ROLLBACK = new Error('bench: roll back');

/** A stand-in for the EntityManager/DataSource the services query through: runs EXPLAIN (ANALYZE, BUFFERS) instead. */
function explaining(real: { query: (sql: string, params?: unknown[]) => Promise<any> }, plans: Plan[], title: (sql: string) => string | null) {
  return {
    async query(sql: string, params?: unknown[]) {
      const t = title(sql);
      if (!t) return real.query(sql, params);
      const rows: { 'QUERY PLAN': string }[] = await real.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params);
      plans.push({ title: t, plan: rows.map((r) => r['QUERY PLAN']).join('\n') });
      return [{}];
    },
  };
}

/**
 * Plans of the product's heaviest statements on the final (largest) data, measured with
 * EXPLAIN ANALYZE through the services themselves (their SQL, their parameters): the sweep
 * (in a rolled-back transaction, after a real sweep so it is the "repeat" case) and the figures.
 */
export async function explainAll(ctx: Ctx): Promise<Plan[]> {
  const plans: Plan[] = [];
  const ds = ctx.app.get(DataSource);
  const calendar = ctx.app.get(CalendarService);
  const today = calendar.today();

  // Sweep, repeat case: everything due already raised.
  await ctx.app.get(EscalationsService).sweep(today);
  const fakeDs = {
    transaction: async (fn: (m: EntityManager) => Promise<unknown>) => {
      try {
        await ds.transaction(async (m) => {
          await fn(explaining(m, plans, (sql) =>
            /INSERT INTO escalation \(case_id/.test(sql) ? 'EscalationsService.sweep(): case levels (repeat run, all raised)'
              : /INSERT INTO escalation \(application_id/.test(sql) ? 'EscalationsService.sweep(): overdue applications (repeat run)' : null) as never);
          throw ROLLBACK;
        });
      } catch (e) {
        if (e !== ROLLBACK) throw e;
      }
      return { ran: true, raised: 0, notified: 0 };
    },
  };
  await new EscalationsService(fakeDs as never, calendar, ctx.app.get(APP_CONFIG)).sweep(today);
  await ctx.pg.query(`TRUNCATE escalation, notification`);

  // Figures of last year's report for the federation.
  const figures = ctx.app.get(FiguresService);
  const year = Number(today.slice(0, 4)) - 1;
  const period = { start: `${year}-01-01`, end: `${year}-12-31` };
  const unit = { id: ctx.world.federation.id, path: ctx.world.federation.path };
  const one = (title: string) => explaining(ds, plans, () => title) as never;
  await figures.newMembers(one(`FiguresService.newMembers (YEAR ${year})`), unit, period);
  await figures.coverageCounts(one(`FiguresService.coverageCounts (YEAR ${year})`), unit, period.end);
  await figures.stages(one(`FiguresService.stages (YEAR ${year}, ended: replayed from the history)`), unit, period, today);
  await figures.byOfficer(one(`FiguresService.byOfficer (YEAR ${year})`), unit, period, today);
  await figures.byGrassroots(one(`FiguresService.byGrassroots (YEAR ${year})`), unit, period);
  return plans;
}
