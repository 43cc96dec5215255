import { DataSource, EntityManager } from 'typeorm';
import { FiguresService, ScopeUnit, subtreeLike } from '@app/core';
import { FOCUS_WORKER_THRESHOLD, vnStartOfDay } from '@app/domain';
import { TestApi } from '../support/test-api';
import { CaseRef, vnToday } from '../support/case-fixtures';
import { MONTHS_2025, PERIODS, buildFiguresWorld, expectCaseFiguresPlain, plain } from '../support/figures-world';

jest.setTimeout(120_000);

/** The member tallies recounted from `member` (all of it): what the triggers must keep. */
async function tallyDrift(db: DataSource): Promise<unknown[]> {
  return db.query(
    `WITH want AS (
       SELECT month, grassroots_union_id, sum(a)::int AS admitted, sum(g)::int AS gone FROM (
         SELECT date_trunc('month', admitted_on)::date AS month, grassroots_union_id, 1 AS a, 0 AS g FROM member
         UNION ALL SELECT date_trunc('month', greatest(admitted_on, left_on))::date, grassroots_union_id, 0, 1 FROM member WHERE left_on IS NOT NULL) x
       GROUP BY 1, 2),
     have AS (SELECT month, grassroots_union_id, admitted, gone FROM member_month WHERE admitted <> 0 OR gone <> 0),
     want_y AS (SELECT date_trunc('year', month)::date AS year, grassroots_union_id, sum(admitted)::int AS admitted, sum(gone)::int AS gone FROM want GROUP BY 1, 2),
     have_y AS (SELECT year, grassroots_union_id, admitted, gone FROM member_year WHERE admitted <> 0 OR gone <> 0),
     want_t AS (SELECT grassroots_union_id, count(*)::int AS admitted, count(*) FILTER (WHERE left_on IS NOT NULL)::int AS gone FROM member GROUP BY 1),
     have_t AS (SELECT grassroots_union_id, admitted, gone FROM member_total WHERE admitted <> 0 OR gone <> 0),
     want_c AS (SELECT date_trunc('month', admitted_on)::date AS month, case_id, count(*)::int AS admitted FROM member WHERE case_id IS NOT NULL GROUP BY 1, 2),
     have_c AS (SELECT month, case_id, admitted FROM case_member_month WHERE admitted <> 0),
     want_cy AS (SELECT date_trunc('year', month)::date AS year, case_id, sum(admitted)::int AS admitted FROM want_c GROUP BY 1, 2),
     have_cy AS (SELECT year, case_id, admitted FROM case_member_year WHERE admitted <> 0)
     SELECT 'month' AS t, * FROM ((SELECT * FROM want EXCEPT ALL SELECT * FROM have) UNION ALL (SELECT * FROM have EXCEPT ALL SELECT * FROM want)) d
     UNION ALL SELECT 'total', NULL, * FROM ((SELECT * FROM want_t EXCEPT ALL SELECT * FROM have_t) UNION ALL (SELECT * FROM have_t EXCEPT ALL SELECT * FROM want_t)) d
     UNION ALL SELECT 'case', month, case_id, admitted, NULL FROM ((SELECT * FROM want_c EXCEPT ALL SELECT * FROM have_c) UNION ALL (SELECT * FROM have_c EXCEPT ALL SELECT * FROM want_c)) d
     UNION ALL SELECT 'year', * FROM ((SELECT * FROM want_y EXCEPT ALL SELECT * FROM have_y) UNION ALL (SELECT * FROM have_y EXCEPT ALL SELECT * FROM want_y)) d
     UNION ALL SELECT 'case year', year, case_id, admitted, NULL FROM ((SELECT * FROM want_cy EXCEPT ALL SELECT * FROM have_cy) UNION ALL (SELECT * FROM have_cy EXCEPT ALL SELECT * FROM want_cy)) d`,
  );
}

/** The coverage tallies recounted from `enterprise` (all of it: the operating ones), as the triggers must keep them. */
async function enterpriseTallyDrift(db: DataSource | EntityManager): Promise<unknown[]> {
  return db.query(
    `WITH want AS (SELECT org_unit_id, count(*)::int AS focus, count(*) FILTER (WHERE has_union)::int AS focus_with_union FROM enterprise
                    WHERE worker_count >= ${FOCUS_WORKER_THRESHOLD} AND closed_on IS NULL GROUP BY org_unit_id),
          have AS (SELECT org_unit_id, focus, focus_with_union FROM enterprise_tally WHERE focus <> 0 OR focus_with_union <> 0)
     (SELECT 'missing' AS d, * FROM want EXCEPT ALL SELECT 'missing', * FROM have) UNION ALL (SELECT 'extra', * FROM have EXCEPT ALL SELECT 'extra', * FROM want)`,
  );
}

describe('figures from the member tallies and the replay shortcut agree with the plain definitions', () => {
  let api: TestApi;
  let figures: FiguresService;
  let unit: ScopeUnit;
  let federation: ScopeUnit;
  let unions: string[];
  let cases: Record<string, CaseRef>;

  const today = vnToday();

  beforeAll(async () => {
    api = await TestApi.start();
    figures = api.app.get(FiguresService);
    ({ unit, federation, unions, cases } = await buildFiguresWorld(api));
  }, 120_000);

  afterAll(async () => {
    await api.close();
  });

  it('keeps the tallies equal to a recount of the members after bulk inserts, moves, edits and deletes', async () => {
    expect(await tallyDrift(api.db)).toEqual([]);
    // Sanity: this test's members are in them.
    const [t] = await api.db.query(`SELECT sum(admitted)::int AS n FROM member_total WHERE grassroots_union_id = ANY($1)`, [unions]);
    const [m] = await api.db.query(`SELECT count(*)::int AS n FROM member WHERE grassroots_union_id = ANY($1)`, [unions]);
    expect(t.n).toBe(m.n);
    expect(m.n).toBeGreaterThan(2000);
  });

  it('empties the tallies with a TRUNCATE of member (rolled back here)', async () => {
    const qr = api.db.createQueryRunner();
    await qr.startTransaction();
    try {
      await qr.query(`TRUNCATE member`);
      const [r] = await qr.query(
        `SELECT (SELECT count(*) FROM member_month)::int + (SELECT count(*) FROM member_year)::int + (SELECT count(*) FROM member_total)::int
              + (SELECT count(*) FROM case_member_month)::int + (SELECT count(*) FROM case_member_year)::int AS n`,
      );
      expect(r.n).toBe(0);
    } finally {
      await qr.rollbackTransaction();
      await qr.release();
    }
    expect(await tallyDrift(api.db)).toEqual([]);
  });

  it('keeps the coverage tallies equal to a recount of the enterprises after bulk inserts, threshold crossings, moves and deletes', async () => {
    expect(await enterpriseTallyDrift(api.db)).toEqual([]);
    const mine = async (db: DataSource | EntityManager = api.db) =>
      (await db.query(`SELECT focus, focus_with_union AS "withUnion" FROM enterprise_tally WHERE org_unit_id = $1`, [unit.id]))[0] ?? {
        focus: 0,
        withUnion: 0,
      };
    const before = await mine();
    expect(before.focus).toBeGreaterThan(0);
    const [other] = await api.db.query(`SELECT id FROM org_unit WHERE kind <> 'GRASSROOTS' AND id <> $1 ORDER BY path LIMIT 1`, [unit.id]);
    await api.db.transaction(async (m) => {
      // 40 enterprises with 20–39 workers, every other one with a union: 30 at 25 or more, 14 of those with a union.
      await m.query(
        `INSERT INTO enterprise (name, tax_code, worker_count, has_union, org_unit_id)
         SELECT 'Công ty kiểm đếm ' || i, '77' || lpad(i::text, 8, '0') || $2, 20 + i % 20, i % 2 = 0, $1 FROM generate_series(0, 39) i`,
        [unit.id, String(Date.now() % 100)],
      );
      expect(await mine(m)).toEqual({ focus: before.focus + 30, withUnion: before.withUnion + 14 });
      expect(await enterpriseTallyDrift(m)).toEqual([]);
      // Down below the threshold and up over it, unions gained and lost, some moved to another unit, some deleted.
      await m.query(
        `UPDATE enterprise SET worker_count = CASE WHEN worker_count >= 25 THEN worker_count - 10 ELSE worker_count + 10 END, has_union = NOT has_union
                      WHERE name LIKE 'Công ty kiểm đếm %' AND org_unit_id = $1`,
        [unit.id],
      );
      expect(await enterpriseTallyDrift(m)).toEqual([]);
      // Closed ones leave the tally, reopened ones come back.
      await m.query(`UPDATE enterprise SET closed_on = current_date WHERE name LIKE 'Công ty kiểm đếm 3%' AND org_unit_id = $1`, [unit.id]);
      expect(await enterpriseTallyDrift(m)).toEqual([]);
      await m.query(`UPDATE enterprise SET closed_on = NULL WHERE name = 'Công ty kiểm đếm 30' AND org_unit_id = $1`, [unit.id]);
      expect(await enterpriseTallyDrift(m)).toEqual([]);
      await m.query(`UPDATE enterprise SET org_unit_id = $2 WHERE name LIKE 'Công ty kiểm đếm 1%' AND org_unit_id = $1`, [unit.id, other.id]);
      await m.query(`DELETE FROM enterprise WHERE name LIKE 'Công ty kiểm đếm 2%' AND org_unit_id = $1`, [unit.id]);
      expect(await enterpriseTallyDrift(m)).toEqual([]);
      // A write of other columns nets to zero and does not touch the tally row (an update would give it a new ctid).
      const [x0] = await m.query(`SELECT ctid::text AS x FROM enterprise_tally WHERE org_unit_id = $1`, [unit.id]);
      await m.query(`UPDATE enterprise SET sector = 'Dệt may' WHERE org_unit_id = $1`, [unit.id]);
      const [x1] = await m.query(`SELECT ctid::text AS x FROM enterprise_tally WHERE org_unit_id = $1`, [unit.id]);
      expect(x1.x).toBe(x0.x);
      await m.query(`DELETE FROM enterprise WHERE name LIKE 'Công ty kiểm đếm %'`);
    });
    expect(await mine()).toEqual(before);
    expect(await enterpriseTallyDrift(api.db)).toEqual([]);
  });

  it('tallies coverage at FOCUS_WORKER_THRESHOLD: the installed trigger carries that number, and an enterprise counts from it on (rolled back here)', async () => {
    // The trigger function is SQL with the number written in: it must be the constant's.
    const [{ def }] = await api.db.query(`SELECT pg_get_functiondef('enterprise_tally()'::regprocedure) AS def`);
    const inTrigger = [...(def as string).matchAll(/worker_count\s*>=\s*(\d+)/g)].map((x) => Number(x[1]));
    expect(inTrigger.length).toBeGreaterThan(0);
    expect([...new Set(inTrigger)]).toEqual([FOCUS_WORKER_THRESHOLD]);
    // So must every other installed function, partial index or view that compares a worker count.
    const defs: { name: string; def: string }[] = await api.db.query(
      `SELECT p.proname AS name, pg_get_functiondef(p.oid) AS def FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prokind = 'f'
       UNION ALL SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
       UNION ALL SELECT viewname, definition FROM pg_views WHERE schemaname = 'public'`,
    );
    const thresholds = defs.flatMap((d) => [...d.def.matchAll(/worker_count\)?\s*>=\s*(\d+)/g)].map((x) => ({ name: d.name, n: Number(x[1]) })));
    expect(thresholds.filter((t) => t.n !== FOCUS_WORKER_THRESHOLD)).toEqual([]);

    const qr = api.db.createQueryRunner();
    await qr.startTransaction();
    try {
      const focus = async () => (await qr.query(`SELECT coalesce(sum(focus), 0)::int AS n FROM enterprise_tally WHERE org_unit_id = $1`, [unit.id]))[0].n;
      const before = await focus();
      const [below] = await qr.query(
        `INSERT INTO enterprise (name, tax_code, worker_count, has_union, org_unit_id) VALUES ('Công ty dưới ngưỡng', $2, $3, false, $1) RETURNING id`,
        [unit.id, `7800000001${String(Date.now() % 100)}`, FOCUS_WORKER_THRESHOLD - 1],
      );
      expect(await focus()).toBe(before);
      await qr.query(`INSERT INTO enterprise (name, tax_code, worker_count, has_union, org_unit_id) VALUES ('Công ty đúng ngưỡng', $2, $3, false, $1)`, [
        unit.id,
        `7800000002${String(Date.now() % 100)}`,
        FOCUS_WORKER_THRESHOLD,
      ]);
      expect(await focus()).toBe(before + 1);
      await qr.query(`UPDATE enterprise SET worker_count = $2 WHERE id = $1`, [below.id, FOCUS_WORKER_THRESHOLD]);
      expect(await focus()).toBe(before + 2);
    } finally {
      await qr.rollbackTransaction();
      await qr.release();
    }
  });

  it.each(PERIODS.map((x) => [`${x.start} – ${x.end}`, x]))('members of %s: newMembers and byGrassroots', async (_label, period) => {
    for (const u of [unit, federation]) {
      expect(await figures.newMembers(api.db, u, period)).toBe(await plain.newMembers(api.db, u, period));
    }
    const got = await figures.byGrassroots(api.db, unit, period);
    expect(got).toEqual(await plain.byGrassroots(api.db, unit, period));
    expect(got.length).toBe(5);
  });

  it('changes the figures when the data changes (the comparison is not vacuous)', async () => {
    const year = { start: '2025-01-01', end: '2025-12-31' };
    const g = await figures.byGrassroots(api.db, unit, year);
    expect(g.some((x) => x.membersAdmitted > 0 && x.membersAtEnd > 0)).toBe(true);
    const before = await figures.newMembers(api.db, unit, { start: '2025-07-01', end: '2025-07-19' });
    await api.db.query(`INSERT INTO member (grassroots_union_id, full_name, birth_year, gender, admitted_on) VALUES ($1, 'Mới', 1995, 'Nữ', '2025-07-19')`, [
      unions[1],
    ]);
    expect(await figures.newMembers(api.db, unit, { start: '2025-07-01', end: '2025-07-19' })).toBe(before + 1);
    expect(await figures.newMembers(api.db, unit, { start: '2025-07-20', end: '2025-07-31' })).toBe(
      await plain.newMembers(api.db, unit, { start: '2025-07-20', end: '2025-07-31' }),
    );
  });

  it.each(PERIODS.filter((x) => x.end >= x.start).map((x) => [`${x.start} – ${x.end}`, x]))(
    'cases of %s (over, replayed): stages, byOfficer, overdue list, coverage',
    (_label, period) => expectCaseFiguresPlain(api, figures, unit, period, today),
  );

  it('replays the cases whose stage changed after the period (the shortcut is not the only path exercised)', async () => {
    // The GUIDANCE case left SURVEY on 1 July 10:00 (its history says): as Q2 closes it is still in SURVEY.
    const [c] = await api.db.query(`SELECT stage FROM founding_case WHERE id = $1`, [cases.guidance.caseId]);
    expect(c.stage).toBe('GUIDANCE');
    const [then] = await api.db.query(`WITH st AS (${plain.asOf('$3')}) SELECT stage FROM st WHERE id = $4`, [
      unit.path,
      subtreeLike(unit.path),
      vnStartOfDay('2025-07-01'),
      cases.guidance.caseId,
    ]);
    expect(then.stage).toBe('SURVEY');
    const q2 = { start: '2025-04-01', end: '2025-06-30' };
    const f = await figures.stages(api.db, unit, q2, today);
    expect(f.find((s) => s.stage === 'SURVEY')!.count).toBe((await plain.stages(api.db, unit, q2)).SURVEY.count);
    expect(f.find((s) => s.stage === 'GUIDANCE')!.count).toBe(0);
    // Some period has more late cases than the shorter overdue lists hold (their cut is exercised).
    const late = await Promise.all(PERIODS.filter((x) => x.end >= x.start).map(async (x) => (await plain.overdue(api.db, unit, x)).length));
    expect(Math.max(...late)).toBeGreaterThan(3);
    // Decided on 20 June 2025, entered RECOGNIZED on 25 July by its history: July's pipeline shows it there.
    expect((await figures.stages(api.db, unit, MONTHS_2025[6], today)).find((s) => s.stage === 'RECOGNIZED')!.count).toBe(1);
  });
  it("reads a report's figures side by side on connections that share one snapshot: the same figures, blind to a write made meanwhile", async () => {
    const year = { start: '2025-01-01', end: '2025-12-31' };
    const one = {
      summary: await figures.figures(unit, year, today, api.db),
      byOfficer: await figures.byOfficer(api.db, unit, year, today),
      byGrassroots: await figures.byGrassroots(api.db, unit, year),
      overdueCaseList: await figures.overdueCasesOf(api.db, unit, year, today),
    };
    expect(one.summary.newMembers.actual).toBeGreaterThan(0);
    // A member admitted in the year, committed once the first statement is done: every later one (the summary's) must not see it.
    let inserted: Promise<unknown> | undefined;
    const steps: number[] = [];
    const got = await figures.reportFigures(unit, year, today, (done) => {
      steps.push(done);
      return (inserted ??= api.db.query(
        `INSERT INTO member (grassroots_union_id, full_name, birth_year, gender, admitted_on) VALUES ($1, 'Giữa chừng', 1990, 'Nữ', '2025-03-03')`,
        [unions[0]],
      ));
    });
    expect(steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(got).toEqual(one);
    const after = await figures.figures(unit, year, today, api.db);
    expect(after.newMembers.actual).toBe(one.summary.newMembers.actual + 1);
  });
});
