import { CalendarService, EscalationsService } from '@app/core';
import { Ctx, Row } from '../lib/context';
import { timed } from '../lib/load';
import { median } from '../lib/stats';
import { OPEN } from '../seed';

/** The `due` part of the sweep's SQL, inserting the levels only: no recipients, no notifications, no applications. */
const BARE_INSERT = `
WITH due AS (
  SELECT c.id, c.stage, c.stage_entry, lvl.level
    FROM founding_case c
    CROSS JOIN LATERAL (VALUES ('WARNING', c.warning_on), ('BREACH', c.stage_due_on), ('CRITICAL', c.critical_on)) AS lvl(level, day)
   WHERE c.stage IN ${OPEN} AND c.warning_on < $1 AND lvl.day < $1
)
INSERT INTO escalation (case_id, stage, stage_entry, level)
SELECT id, stage, stage_entry, level FROM due
ON CONFLICT (case_id, stage_entry, level) DO NOTHING`;

const COUNT_DUE = `
SELECT count(*) FILTER (WHERE warning_on < $1)::int + count(*) FILTER (WHERE stage_due_on < $1)::int + count(*) FILTER (WHERE critical_on < $1)::int AS n
  FROM founding_case WHERE stage IN ${OPEN} AND warning_on < $1`;

/**
 * EscalationsService.sweep() over the seeded open cases, two situations:
 * - backlog: nothing raised yet (escalation and notification emptied before each run), so every
 *   due level is raised and notified;
 * - repeat: the same day again, everything already raised (what every 5-minute run after the first
 *   of the day does).
 * Baseline: the bare INSERT … SELECT of the due levels (the sweep's own `due` SQL, no notifications).
 */
export async function sweepSuite(ctx: Ctx, label: string): Promise<void> {
  const { pg, scale } = ctx;
  const sweeps = ctx.app.get(EscalationsService);
  const today = ctx.app.get(CalendarService).today();
  const open = (await pg.query(`SELECT count(*)::int AS n FROM founding_case WHERE stage IN ${OPEN}`)).rows[0].n;
  const empty = async () => {
    await pg.query(`TRUNCATE escalation, notification`);
    await pg.query(`CHECKPOINT`);
  };
  const bare = () => pg.query(BARE_INSERT, [today]);
  const backlog = { sys: [] as number[], base: [] as number[] };
  const repeat = { sys: [] as number[], base: [] as number[] };
  let raised = 0;
  let notified = 0;
  let split = { cases: 0, apps: 0 };
  const due = await timed(() => pg.query(COUNT_DUE, [today]));
  const dueLevels = due.value.rows[0].n;
  for (let r = 0; r < scale.rounds; r++) {
    await empty();
    backlog.base.push((await timed(bare)).ms);
    await empty();
    const s = await timed(() => sweeps.sweep(today));
    if (!s.value.ran) throw new Error('sweep did not run (advisory lock taken?)');
    backlog.sys.push(s.ms);
    raised = s.value.raised;
    notified = s.value.notified;
    split = (await pg.query(`SELECT count(*) FILTER (WHERE case_id IS NOT NULL)::int AS cases, count(*) FILTER (WHERE application_id IS NOT NULL)::int AS apps FROM escalation`)).rows[0];
    await pg.query(`CHECKPOINT`);
    repeat.base.push((await timed(bare)).ms);
    repeat.sys.push((await timed(() => sweeps.sweep(today))).ms);
    ctx.log(`  sweep ${label} r${r}: backlog base ${backlog.base[r].toFixed(0)} sys ${backlog.sys[r].toFixed(0)} ms | repeat base ${repeat.base[r].toFixed(0)} sys ${repeat.sys[r].toFixed(0)} ms (raised ${raised}, notified ${notified})`);
  }
  const mk = (name: string, d: { sys: number[]; base: number[] }, note: string, target: boolean): Row => {
    const row: Row = {
      section: 'sweep',
      name: `${name}, ${open.toLocaleString('en-US')} open cases (${label})`,
      baseline: 'bare INSERT … SELECT of the due levels (the sweep\'s `due` SQL, no notifications)',
      unit: 'ms',
      system: median(d.sys),
      base: median(d.base),
      ratio: NaN,
      rounds: { system: d.sys, base: d.base },
      note,
    };
    row.ratio = row.base / row.system;
    if (target && open >= 1_000_000) row.target = { text: '< 5 s', met: row.system < 5000 };
    return row;
  };
  ctx.rows.push(mk('sweep(), backlog (nothing raised yet)', backlog, `raises ${raised.toLocaleString('en-US')} escalations (${split.cases.toLocaleString('en-US')} case levels, the baseline's rows; ${split.apps.toLocaleString('en-US')} overdue applications) and ${notified.toLocaleString('en-US')} notifications; a bare count of the ${dueLevels.toLocaleString('en-US')} due case levels takes ${due.ms.toFixed(0)} ms`, true));
  ctx.rows.push(mk('sweep(), repeat the same day (all raised)', repeat, 'raises nothing; the cost of every later run of the day', true));
  await pg.query(`TRUNCATE escalation, notification`);
}
