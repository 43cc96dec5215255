import { CalendarService, EscalationsService, OPEN_STAGES_SQL } from '@app/core';
import { addDays } from '@app/domain';
import { Pool } from 'pg';
import { Ctx, Row } from '../lib/context';
import { timed } from '../lib/load';
import { median } from '../lib/stats';
import { explainSweep } from '../explain';

/**
 * The bare baseline: the sweep's own `late`, `due` and `progress` SQL inserting the due levels, without recipients,
 * notifications or applications, in one statement (no batches); it reads and advances the progress mark the same way
 * the sweep does.
 */
const BARE_INSERT = `
WITH late AS MATERIALIZED (
  SELECT c.id, c.warning_on, c.stage_entry, c.stage_due_on, c.critical_on, c.stage, coalesce(p.level, 0) AS done
    FROM founding_case c
    LEFT JOIN escalation_progress p ON p.case_id = c.id AND p.stage_entry = c.stage_entry
   WHERE c.stage IN ${OPEN_STAGES_SQL} AND c.warning_on < $1
     AND (CASE coalesce(p.level, 0) WHEN 0 THEN c.warning_on WHEN 1 THEN c.stage_due_on WHEN 2 THEN c.critical_on END) < $1
), due AS MATERIALIZED (
  SELECT l.id, l.stage, l.stage_entry, lvl.level, lvl.rank
    FROM late l
    CROSS JOIN LATERAL (VALUES ('WARNING', 1, l.warning_on), ('BREACH', 2, l.stage_due_on), ('CRITICAL', 3, l.critical_on)) AS lvl(level, rank, day)
   WHERE lvl.rank > l.done AND lvl.day < $1
), progress AS (
  INSERT INTO escalation_progress AS p (case_id, stage_entry, level)
  SELECT id, stage_entry, max(rank) FROM due GROUP BY id, stage_entry
  ON CONFLICT (case_id) DO UPDATE SET stage_entry = excluded.stage_entry, level = excluded.level
   WHERE (p.stage_entry, p.level) < (excluded.stage_entry, excluded.level)
)
INSERT INTO escalation (case_id, stage, stage_entry, level)
SELECT id, stage, stage_entry, level FROM due
ON CONFLICT (case_id, stage_entry, level) DO NOTHING`;

/** The applications' part, bare, for setting up "yesterday's sweep already ran". */
const BARE_APPLICATIONS = `
INSERT INTO escalation (application_id, stage, stage_entry, level)
SELECT a.id, 'APPLICATION', 1, 'BREACH' FROM membership_application a
 WHERE a.status = 'SUBMITTED' AND a.due_on IS NOT NULL AND a.due_on < $1
ON CONFLICT (application_id, level) DO NOTHING`;

const COUNT_DUE = `
SELECT count(*) FILTER (WHERE warning_on < $1)::int + count(*) FILTER (WHERE stage_due_on < $1)::int + count(*) FILTER (WHERE critical_on < $1)::int AS n
  FROM founding_case WHERE stage IN ${OPEN_STAGES_SQL} AND warning_on < $1`;

/** What a sweep bench needs on a database: the bare baseline and the setups (nothing raised; raised until yesterday). */
export interface SweepFixture {
  /** The bare INSERT … SELECT of the due case levels, with the progress mark. */
  bare(today: string): Promise<unknown>;
  /** Nothing raised: no escalations, no notifications, every case back at level 0. */
  truncate(): Promise<void>;
  /** Everything due until yesterday raised by the bare statements, then vacuumed; returns backToYesterday. */
  raiseUntil(yesterday: string): Promise<() => Promise<void>>;
}

export async function sweepFixture(pg: Pool): Promise<SweepFixture> {
  const truncate = async () => {
    await pg.query(`TRUNCATE escalation, notification, escalation_progress`);
  };
  // Each open case's level as of a sweep on `yesterday` ($1).
  const LEVEL_UNTIL = `SELECT id, stage_entry, CASE WHEN critical_on < $1 THEN 3 WHEN stage_due_on < $1 THEN 2 WHEN warning_on < $1 THEN 1 ELSE 0 END AS level
                         FROM founding_case WHERE stage IN ${OPEN_STAGES_SQL}`;
  const raiseUntil = async (yesterday: string) => {
    await truncate();
    await pg.query(BARE_INSERT, [yesterday]);
    await pg.query(BARE_APPLICATIONS, [yesterday]);
    await pg.query(`VACUUM ANALYZE escalation`);
    await pg.query(`VACUUM ANALYZE escalation_progress`);
    await pg.query(`VACUUM ANALYZE founding_case`);
    const [{ since }] = (await pg.query(`SELECT clock_timestamp() AS since`)).rows;
    // Undo what a run of today added: its escalations (and their notifications, by cascade) and progress.
    return async () => {
      await pg.query(`DELETE FROM escalation WHERE raised_at >= $1`, [since]);
      await pg.query(`DELETE FROM escalation_progress p USING (${LEVEL_UNTIL}) y WHERE p.case_id = y.id AND y.level = 0`, [yesterday]);
      await pg.query(`UPDATE escalation_progress p SET level = y.level FROM (${LEVEL_UNTIL}) y WHERE p.case_id = y.id AND p.level <> y.level AND y.level > 0`, [
        yesterday,
      ]);
    };
  };
  return { bare: (today) => pg.query(BARE_INSERT, [today]), truncate, raiseUntil };
}

/**
 * EscalationsService.sweep() over the seeded open cases, in three situations, each against the bare
 * INSERT … SELECT of the due case levels (the sweep's own `due` SQL without recipients and notifications):
 * - daily: the first run of a day, everything due until yesterday already raised (set up by the bare
 *   inserts for yesterday), so only the levels whose day is today are new: the run that happens every day;
 * - repeat: the same day again, everything already raised: every later run of the day (every 5 minutes);
 * - backlog: nothing raised yet (escalation and notification emptied), so every due level is raised
 *   and notified at once: the first sweep over a backlog, e.g. after an outage or a data import.
 * Rounds alternate baseline and system; the backlog gets fewer rounds when one takes long (time budget).
 */
export async function sweepSuite(ctx: Ctx, label: string, opts: { explainBacklog?: boolean; explainRepeat?: boolean } = {}): Promise<void> {
  const { pg, scale } = ctx;
  const sweeps = ctx.app.get(EscalationsService);
  const today = ctx.app.get(CalendarService).today();
  const yesterday = addDays(today, -1);
  const open = (await pg.query(`SELECT count(*)::int AS n FROM founding_case WHERE stage IN ${OPEN_STAGES_SQL}`)).rows[0].n;
  const fx = await sweepFixture(pg);
  const { truncate } = fx;
  const bare = () => fx.bare(today);
  const counts = async () =>
    (
      await pg.query(`SELECT count(*) FILTER (WHERE case_id IS NOT NULL)::int AS cases, count(*) FILTER (WHERE application_id IS NOT NULL)::int AS apps,
                            (SELECT count(*)::int FROM notification) AS notes FROM escalation`)
    ).rows[0] as { cases: number; apps: number; notes: number };
  const due = await timed(() => pg.query(COUNT_DUE, [today]));
  const dueLevels = due.value.rows[0].n;
  // The backlog at 1M open cases takes about a minute a round: later rounds only while within the budget.
  const budgetMs = scale.name === 'full' ? 60_000 : 30_000;

  // Daily and repeat.
  const backToYesterday = await fx.raiseUntil(yesterday);
  const setup = await counts();
  const daily = { sys: [] as number[], base: [] as number[] };
  const repeat = { sys: [] as number[], base: [] as number[] };
  let newToday = { cases: 0, apps: 0, notes: 0 };
  for (let r = 0; r < scale.rounds; r++) {
    await pg.query('CHECKPOINT');
    daily.base.push((await timed(bare)).ms);
    await backToYesterday();
    await pg.query('CHECKPOINT');
    const s = await timed(() => sweeps.sweep(today));
    if (!s.value.ran) throw new Error('sweep did not run (advisory lock taken?)');
    daily.sys.push(s.ms);
    const c = await counts();
    newToday = { cases: c.cases - setup.cases, apps: c.apps - setup.apps, notes: c.notes };
    repeat.base.push((await timed(bare)).ms);
    repeat.sys.push((await timed(() => sweeps.sweep(today))).ms);
    if (opts.explainRepeat && r === scale.rounds - 1) await explainSweep(ctx, `repeat run, ${open.toLocaleString('en-US')} open cases`);
    await backToYesterday();
    ctx.log(
      `  sweep ${label} r${r}: daily base ${daily.base[r].toFixed(0)} sys ${daily.sys[r].toFixed(0)} ms | repeat base ${repeat.base[r].toFixed(0)} sys ${repeat.sys[r].toFixed(0)} ms (new today: ${newToday.cases} case levels, ${newToday.apps} applications)`,
    );
  }

  // Backlog.
  const backlog = { sys: [] as number[], base: [] as number[] };
  let raised = { cases: 0, apps: 0, notes: 0 };
  const t0 = Date.now();
  for (let r = 0; r < scale.rounds && (r === 0 || Date.now() - t0 < budgetMs); r++) {
    await truncate();
    await pg.query('CHECKPOINT');
    backlog.base.push((await timed(bare)).ms);
    await truncate();
    await pg.query('CHECKPOINT');
    const s = await timed(() => sweeps.sweep(today));
    backlog.sys.push(s.ms);
    raised = await counts();
    ctx.log(
      `  sweep ${label} r${r}: backlog base ${backlog.base[r].toFixed(0)} sys ${backlog.sys[r].toFixed(0)} ms (raised ${raised.cases} case levels, ${raised.apps} applications, ${raised.notes} notifications)`,
    );
  }
  if (opts.explainBacklog) {
    await truncate();
    await explainSweep(ctx, `backlog, ${open.toLocaleString('en-US')} open cases`);
  }
  await truncate();

  const mk = (name: string, d: { sys: number[]; base: number[] }, note: string, target: boolean): Row => {
    const row: Row = {
      section: 'sweep',
      name: `sweep(), ${name}, ${open.toLocaleString('en-US')} open cases (${label})`,
      baseline:
        "bare INSERT … SELECT of the due case levels with the sweep's own `late`, `due` and `progress` SQL (reads and advances escalation_progress), one statement; no recipients, no notifications, no applications",
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
  ctx.rows.push(
    mk(
      'daily (first run of the day)',
      daily,
      `raises the ${newToday.cases.toLocaleString('en-US')} case levels and ${newToday.apps.toLocaleString('en-US')} applications due today, ${newToday.notes.toLocaleString('en-US')} notifications; ${dueLevels.toLocaleString('en-US')} case levels are due in all`,
      true,
    ),
  );
  ctx.rows.push(mk('repeat (every later run of the day)', repeat, 'everything due is raised already: raises nothing', true));
  ctx.rows.push(
    mk(
      'backlog (nothing raised yet)',
      backlog,
      `raises ${raised.cases.toLocaleString('en-US')} case levels and ${raised.apps.toLocaleString('en-US')} applications, ${raised.notes.toLocaleString('en-US')} notifications and marks the cases' progress; a bare count of the due case levels takes ${due.ms.toFixed(0)} ms`,
      false,
    ),
  );
}
