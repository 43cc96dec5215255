import { FiguresService, PeriodCloseService, ScopeUnit } from '@app/core';
import { addDays, nextMonthStart } from '@app/domain';
import { dropDatabase, ownMigratedDatabase } from '../support/own-database';
import { TestApi } from '../support/test-api';
import { vnToday } from '../support/case-fixtures';
import { PERIODS, buildFiguresWorld, expectCaseFiguresPlain, plain } from '../support/figures-world';

jest.setTimeout(120_000);

const isMonthEnd = (d: string) => addDays(nextMonthStart(d), -1) === d;
const OVER = PERIODS.filter((x) => x.end >= x.start);
const ENDS = [...new Set(OVER.map((x) => x.end).filter(isMonthEnd))].sort();

/**
 * Period closes freeze every case as it stood at a month's end; the figures of periods ending then read
 * them. Closes are database-wide, so this suite has a database of its own: the other suites' cases,
 * re-dated into the past after a close, would otherwise be missing from it.
 */
describe('period closes', () => {
  let ownUrl: string;
  const runUrl = process.env.DATABASE_URL!;
  let api: TestApi;
  let figures: FiguresService;
  let closes: PeriodCloseService;
  let unit: ScopeUnit;
  const today = vnToday();

  beforeAll(async () => {
    ownUrl = await ownMigratedDatabase('close');
    process.env.DATABASE_URL = ownUrl;
    api = await TestApi.start();
    figures = api.app.get(FiguresService);
    closes = api.app.get(PeriodCloseService);
    ({ unit } = await buildFiguresWorld(api));
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    process.env.DATABASE_URL = runUrl;
    if (ownUrl) await dropDatabase(ownUrl);
  });

  const closeRows = async () =>
    (await api.db.query(`SELECT count(*)::int AS n FROM period_close`))[0].n + (await api.db.query(`SELECT count(*)::int AS n FROM case_close_state`))[0].n;

  it('refuses a day that is not the last of a month, and a month not yet over, writing nothing', async () => {
    await expect(closes.close('2025-07-28')).rejects.toThrow(/Not the last day of a month: 2025-07-28/);
    await expect(closes.close('2025-02-30')).rejects.toThrow(/Not a YYYY-MM-DD date/);
    const thisMonthEnd = addDays(nextMonthStart(today), -1);
    expect(await closes.close(thisMonthEnd)).toEqual({ closed: false, cases: 0, reason: 'NOT_SETTLED' });
    expect(await closeRows()).toBe(0);
  });

  it("keeps a case's unit and enterprise as they were at its opening (a close copies them)", async () => {
    const [c] = await api.db.query(`SELECT id, org_unit_id, enterprise_id FROM founding_case ORDER BY id LIMIT 1`);
    const [other] = await api.db.query(`SELECT id FROM org_unit WHERE id <> $1 LIMIT 1`, [c.org_unit_id]);
    await expect(api.db.query(`UPDATE founding_case SET org_unit_id = $2 WHERE id = $1`, [c.id, other.id])).rejects.toThrow(/fixed when a case opens/);
    const [e] = await api.db.query(`SELECT id FROM enterprise WHERE id <> $1 LIMIT 1`, [c.enterprise_id]);
    await expect(api.db.query(`UPDATE founding_case SET enterprise_id = $2 WHERE id = $1`, [c.id, e.id])).rejects.toThrow(/fixed when a case opens/);
    // Setting them to what they are is no change, and other columns stay writable.
    await api.db.query(`UPDATE founding_case SET org_unit_id = org_unit_id, enterprise_id = enterprise_id, version = version WHERE id = $1`, [c.id]);
    const [after] = await api.db.query(`SELECT org_unit_id, enterprise_id FROM founding_case WHERE id = $1`, [c.id]);
    expect(after).toEqual({ org_unit_id: c.org_unit_id, enterprise_id: c.enterprise_id });
    // The app's connections compile no statement (JIT off: see dataSourceOptions).
    expect(await api.db.query(`SHOW jit`)).toEqual([{ jit: 'off' }]);
  });

  it('closes each month end once, however many close it at the same time', async () => {
    expect(ENDS.length).toBeGreaterThan(10);
    const results = await Promise.all(ENDS.flatMap((d) => [closes.close(d), closes.close(d)]));
    for (let i = 0; i < ENDS.length; i++) {
      const [a, b] = [results[2 * i], results[2 * i + 1]];
      expect([a.closed, b.closed].sort()).toEqual([false, true]);
      expect((a.closed ? b : a).reason).toBe('ALREADY_CLOSED');
      expect(a.cases).toBe(b.cases);
      const [n] = await api.db.query(`SELECT count(*)::int AS n FROM case_close_state WHERE closed_on = $1`, [ENDS[i]]);
      const [pc] = await api.db.query(`SELECT cases FROM period_close WHERE closed_on = $1`, [ENDS[i]]);
      expect(n.n).toBe(a.cases);
      expect(pc.cases).toBe(a.cases);
      const [t] = await api.db.query(`SELECT coalesce(sum(cases), 0)::int AS n FROM case_close_tally WHERE closed_on = $1`, [ENDS[i]]);
      expect(t.n).toBe(a.cases);
    }
    // The world's cases are in them: open ones, and RECOGNIZED / CLOSED ones of the day's year.
    expect(Math.max(...results.map((r) => r.cases))).toBeGreaterThanOrEqual(8);
    const again = await closes.close(ENDS[0]);
    expect(again).toMatchObject({ closed: false, reason: 'ALREADY_CLOSED' });
  });

  it.each(OVER.map((x) => [`${x.start} – ${x.end}`, x]))(
    'cases of %s read from its close (or replayed where none covers it) agree with the plain definitions',
    (_label, period) => expectCaseFiguresPlain(api, figures, unit, period, today),
  );

  it("sums a close's tally for the stages and officers' case counts of a closed period starting on a month's first day (rolled back here)", async () => {
    const q2 = { start: '2025-04-01', end: '2025-06-30' };
    const midMonth = { start: '2025-03-15', end: '2025-06-30' }; // closed too, but read from the close's rows
    const qr = api.db.createQueryRunner();
    await qr.startTransaction();
    try {
      const [row] = await qr.query(
        `SELECT id, stage, assignee_id FROM case_close_tally WHERE closed_on = $1 AND org_unit_id = $2 AND assignee_id IS NOT NULL AND stage IN ('SURVEY','OUTREACH','GUIDANCE') LIMIT 1`,
        [q2.end, unit.id],
      );
      expect(row).toBeDefined();
      const stageOf = async (p: typeof q2) => (await figures.stages(qr.manager, unit, p, today)).find((x) => x.stage === row.stage)!.count;
      const casesOf = async () => (await figures.officerCaseCounts(qr.manager, unit, q2, today)).find((o) => o.assigneeId === row.assignee_id)!;
      const [s0, m0, c0] = [await stageOf(q2), await stageOf(midMonth), await casesOf()];
      await qr.query(`UPDATE case_close_tally SET cases = cases + 1000 WHERE id = $1`, [row.id]);
      expect(await stageOf(q2)).toBe(s0 + 1000);
      expect(await casesOf()).toEqual({ ...c0, cases: c0.cases + 1000, openCases: c0.openCases + 1000 });
      expect(await stageOf(midMonth)).toBe(m0);
    } finally {
      await qr.rollbackTransaction();
      await qr.release();
    }
  });

  it("empties the coverage tallies with a TRUNCATE of enterprise (this suite's own database: it cascades; rolled back)", async () => {
    const qr = api.db.createQueryRunner();
    await qr.startTransaction();
    try {
      expect((await qr.query(`SELECT count(*)::int AS n FROM enterprise_tally WHERE focus > 0`))[0].n).toBeGreaterThan(0);
      await qr.query(`TRUNCATE enterprise CASCADE`);
      expect((await qr.query(`SELECT count(*)::int AS n FROM enterprise_tally`))[0].n).toBe(0);
    } finally {
      await qr.rollbackTransaction();
      await qr.release();
    }
    expect((await api.db.query(`SELECT count(*)::int AS n FROM enterprise_tally WHERE focus > 0`))[0].n).toBeGreaterThan(0);
  });

  it('keeps a closed period as it was closed: a later rewrite of the history moves only the periods not closed', async () => {
    const q3 = { start: '2025-07-01', end: '2025-09-30' };
    const closedStages = await figures.stages(api.db, unit, q3, today);
    const closedOverdue = await figures.overdueCasesOf(api.db, unit, q3, today);
    const closedOfficers = await figures.byOfficer(api.db, unit, q3, today);
    // Every due day of the history a year earlier (as a calendar edit would move them, on a larger scale).
    await api.db.query(`UPDATE case_transition SET stage_due_on = stage_due_on - 365 WHERE stage_due_on IS NOT NULL`);
    await api.db.query(`UPDATE founding_case SET opened_due_on = opened_due_on - 365, stage_due_on = stage_due_on - 365 WHERE stage_due_on IS NOT NULL`);
    // And every case of the unit handed to one officer: the closed period still credits those who held them at its end.
    const [one] = await api.db.query(`SELECT assignee_id AS id FROM founding_case WHERE org_unit_id = $1 AND assignee_id IS NOT NULL LIMIT 1`, [unit.id]);
    await api.db.query(`UPDATE founding_case SET assignee_id = $2 WHERE org_unit_id = $1`, [unit.id, one.id]);
    expect((await plain.overdue(api.db, unit, q3)).length).toBeGreaterThan(closedOverdue.length);
    expect(await figures.stages(api.db, unit, q3, today)).toEqual(closedStages);
    expect(await figures.overdueCasesOf(api.db, unit, q3, today)).toEqual(closedOverdue);
    expect(await figures.byOfficer(api.db, unit, q3, today)).toEqual(closedOfficers);
    const nowHeld = (await plain.byOfficer(api.db, unit, q3)).map((o: { officerId: string }) => o.officerId);
    expect(nowHeld).toEqual([one.id]);
    expect(closedOfficers.filter((o) => o.cases > 0).length).toBeGreaterThan(1);
    // A period that ends on a day with no close follows the history.
    const notClosed = { start: '2025-07-15', end: '2025-08-14' };
    await expectCaseFiguresPlain(api, figures, unit, notClosed, today);
    expect((await figures.overdueCasesOf(api.db, unit, notClosed, today)).length).toBe((await plain.overdue(api.db, unit, notClosed)).length);
  });
});
