import { DataSource } from 'typeorm';
import { FigurePeriod, FiguresService, OPEN_STAGES_SQL, ScopeUnit, subtreeLike } from '@app/core';
import { FOCUS_WORKER_THRESHOLD, IsoDate, addDays, vnStartOfDay } from '@app/domain';
import { Province, TestApi, newTaxCode } from './test-api';
import { CaseRef, M, openCase, steps, walkToStage } from './case-fixtures';

/**
 * A small world for the report figures (test/figures/fast-path, test/figures/period-close): cases in every
 * shape of history dated around period edges, members admitted 2024-11 – 2026-02 with later edits,
 * enterprises for coverage; and the figures by their plain definitions to compare FiguresService with.
 */

export const SCOPE = `(SELECT id FROM org_unit WHERE path = $1 OR path LIKE $2)`;

/**
 * The figures by their plain definitions, straight from the base tables: members counted one by one,
 * every case replayed from its history (the last step before the instant), coverage per enterprise.
 * This is what FiguresService computed before the member tallies and the replay shortcut.
 */
export const plain = {
  async newMembers(db: DataSource, u: ScopeUnit, p: FigurePeriod): Promise<number> {
    const [r] = await db.query(`SELECT count(*)::int AS n FROM member m WHERE m.admitted_on BETWEEN $3 AND $4 AND m.grassroots_union_id IN ${SCOPE}`, [
      u.path,
      subtreeLike(u.path),
      p.start,
      p.end,
    ]);
    return r.n;
  },
  byGrassroots(db: DataSource, u: ScopeUnit, p: FigurePeriod) {
    return db.query(
      `SELECT o.id AS "unitId", o.name,
              (SELECT count(*)::int FROM member m WHERE m.grassroots_union_id = o.id AND m.admitted_on BETWEEN $3 AND $4) AS "membersAdmitted",
              (SELECT count(*)::int FROM member m WHERE m.grassroots_union_id = o.id AND m.admitted_on <= $4 AND (m.left_on IS NULL OR m.left_on > $4)) AS "membersAtEnd",
              (SELECT to_char(c.recognized_on, 'YYYY-MM-DD') FROM founding_case c WHERE c.grassroots_union_id = o.id LIMIT 1) AS "recognizedOn"
         FROM org_unit o WHERE o.kind = 'GRASSROOTS' AND (o.path = $1 OR o.path LIKE $2) ORDER BY o.name COLLATE "vietnamese", o.id`,
      [u.path, subtreeLike(u.path), p.start, p.end],
    );
  },
  /** Every case opened before `asOf`, replayed. */
  asOf: (asOf: string) => `
    SELECT c.id, c.enterprise_id, c.assignee_id, coalesce(t.to_stage, 'SURVEY') AS stage, coalesce(t.at, c.opened_at) AS entered,
           CASE WHEN t.case_id IS NULL THEN c.opened_due_on ELSE t.stage_due_on END AS due_on
      FROM founding_case c
      LEFT JOIN LATERAL (SELECT x.case_id, x.to_stage, x.stage_due_on, x.at FROM case_transition x
                          WHERE x.case_id = c.id AND x.at < ${asOf} ORDER BY x.version DESC LIMIT 1) t ON true
     WHERE c.org_unit_id IN ${SCOPE} AND c.opened_at < ${asOf}`,
  async stages(db: DataSource, u: ScopeUnit, p: FigurePeriod) {
    const rows: { stage: string; count: number; overdue: number }[] = await db.query(
      `WITH st AS (${plain.asOf('$4')})
       SELECT stage, count(*)::int AS count, count(*) FILTER (WHERE stage IN ${OPEN_STAGES_SQL} AND due_on <= $5)::int AS overdue
         FROM st WHERE stage IN ${OPEN_STAGES_SQL} OR entered >= $3 GROUP BY stage`,
      [u.path, subtreeLike(u.path), vnStartOfDay(p.start), vnStartOfDay(addDays(p.end, 1)), p.end],
    );
    return Object.fromEntries(rows.map((r) => [r.stage, { count: r.count, overdue: r.overdue }]));
  },
  byOfficer(db: DataSource, u: ScopeUnit, p: FigurePeriod) {
    return db.query(
      `WITH c AS (${plain.asOf('$5')})
       SELECT c.assignee_id AS "officerId", count(*)::int AS cases, count(*) FILTER (WHERE c.stage IN ${OPEN_STAGES_SQL})::int AS "openCases",
              count(*) FILTER (WHERE c.stage IN ${OPEN_STAGES_SQL} AND c.due_on <= $4)::int AS "overdueCases",
              (SELECT count(*)::int FROM member m JOIN founding_case fc ON fc.id = m.case_id
                WHERE m.admitted_on BETWEEN $3 AND $4 AND fc.assignee_id = c.assignee_id AND fc.org_unit_id IN ${SCOPE}) AS "membersAdmitted"
         FROM c WHERE c.assignee_id IS NOT NULL GROUP BY c.assignee_id ORDER BY 1`,
      [u.path, subtreeLike(u.path), p.start, p.end, vnStartOfDay(addDays(p.end, 1))],
    );
  },
  async overdueFirst(db: DataSource, u: ScopeUnit, p: FigurePeriod, limit: number) {
    const day = addDays(p.end, 1);
    const rows: { id: string }[] = await db.query(
      `WITH st AS (${plain.asOf('$4')}) SELECT st.id FROM st JOIN enterprise e ON e.id = st.enterprise_id
        WHERE st.stage IN ${OPEN_STAGES_SQL} AND st.due_on < $3 ORDER BY st.due_on, e.name COLLATE "vietnamese" LIMIT ${limit}`,
      [u.path, subtreeLike(u.path), day, vnStartOfDay(day)],
    );
    return rows.map((r) => r.id);
  },
  async overdue(db: DataSource, u: ScopeUnit, p: FigurePeriod) {
    const day = addDays(p.end, 1);
    const rows: { id: string; due: string }[] = await db.query(
      `WITH st AS (${plain.asOf('$4')}) SELECT st.id, to_char(st.due_on, 'YYYY-MM-DD') AS due FROM st
        WHERE st.stage IN ${OPEN_STAGES_SQL} AND st.due_on < $3 ORDER BY st.id`,
      [u.path, subtreeLike(u.path), day, vnStartOfDay(day)],
    );
    return rows;
  },
  async coverage(db: DataSource, u: ScopeUnit, day: string) {
    const [r] = await db.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE CASE WHEN rc.recognized_on IS NULL THEN e.has_union ELSE rc.recognized_on <= $3 END)::int AS with_union
         FROM enterprise e
         LEFT JOIN LATERAL (SELECT min(c.recognized_on) AS recognized_on FROM founding_case c
                             WHERE c.enterprise_id = e.id AND c.recognized_on IS NOT NULL AND c.org_unit_id IN ${SCOPE}) rc ON true
        WHERE e.worker_count >= ${FOCUS_WORKER_THRESHOLD} AND (e.closed_on IS NULL OR e.closed_on > $3) AND e.org_unit_id IN ${SCOPE}`,
      [u.path, subtreeLike(u.path), day],
    );
    return { total: r.total, withUnion: r.with_union };
  },
};

export const MONTHS_2025 = Array.from({ length: 12 }, (_, i) => {
  const m = String(i + 1).padStart(2, '0');
  const start = `2025-${m}-01`;
  const end = addDays(i === 11 ? '2026-01-01' : `2025-${String(i + 2).padStart(2, '0')}-01`, -1);
  return { start, end };
});
export const PERIODS: FigurePeriod[] = [
  ...MONTHS_2025,
  { start: '2024-12-01', end: '2024-12-31' },
  { start: '2026-01-01', end: '2026-01-31' },
  { start: '2025-04-01', end: '2025-06-30' },
  { start: '2025-07-01', end: '2025-09-30' },
  { start: '2025-01-01', end: '2025-06-30' },
  { start: '2025-07-01', end: '2025-12-31' },
  { start: '2025-01-01', end: '2025-12-31' },
  { start: '2024-01-01', end: '2024-12-31' },
  // rewards' occasions and other days that are not whole months
  { start: '2024-08-01', end: '2025-07-19' },
  { start: '2025-07-28', end: '2025-07-28' },
  { start: '2025-07-15', end: '2025-08-14' },
  { start: '2025-06-30', end: '2025-07-01' },
  { start: '2024-12-28', end: '2025-03-02' },
  { start: '2025-05-01', end: '2025-04-30' }, // the eve of May as rewards asks it: members at 30 April
  { start: '2025-03-02', end: '2026-02-27' },
  { start: '2024-11-15', end: '2026-02-28' }, // whole year 2025 with whole months and days on both sides
  { start: '2024-12-01', end: '2026-01-31' },
  { start: '2024-01-01', end: '2025-12-31' },
  { start: '2025-01-01', end: '2025-11-30' },
  { start: '2025-03-15', end: '2025-06-30' }, // ends on a month end, starts within the month: no close tally for it
];

export interface FiguresWorld {
  p: Province;
  unit: ScopeUnit;
  federation: ScopeUnit;
  unions: string[];
  cases: Record<string, CaseRef>;
}

export async function buildFiguresWorld(api: TestApi): Promise<FiguresWorld> {
  const unions: string[] = [];
  const cases: Record<string, CaseRef> = {};
  async function redate(ref: CaseRef, base: string, step: string, appClock = '150 milliseconds'): Promise<void> {
    // The history as the product would have written it at those times: each step's time and due day; the
    // case's stage clock a moment after its last stage entry (the application's clock, vs the database's).
    await api.db.query(
      `WITH tr AS (SELECT t.id, t.version, t.from_stage, t.to_stage, $2::timestamptz + (t.version - 1) * $3::interval AS at FROM case_transition t WHERE t.case_id = $1),
       en AS (SELECT tr.*, max(CASE WHEN tr.from_stage IS DISTINCT FROM tr.to_stage THEN tr.version END) OVER (ORDER BY tr.version) AS ev FROM tr),
       du AS (SELECT en.*, (SELECT (x.at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 20 FROM en x WHERE x.version = en.ev) AS d FROM en)
       UPDATE case_transition t SET at = du.at,
              stage_due_on = CASE WHEN du.to_stage IN ${OPEN_STAGES_SQL} THEN coalesce(du.d, (($2::timestamptz - interval '1 hour') AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 10) END
         FROM du WHERE t.id = du.id`,
      [ref.caseId, base, step],
    );
    await api.db.query(
      `UPDATE founding_case c SET opened_at = $2::timestamptz - interval '1 hour',
              opened_due_on = (($2::timestamptz - interval '1 hour') AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 10,
              stage_due_on = CASE WHEN c.version = 1 THEN (($2::timestamptz - interval '1 hour') AT TIME ZONE 'Asia/Ho_Chi_Minh')::date + 10
                                  ELSE (SELECT t.stage_due_on FROM case_transition t WHERE t.case_id = c.id ORDER BY t.version DESC LIMIT 1) END,
              stage_entered_at = coalesce((SELECT t.at FROM case_transition t WHERE t.case_id = c.id AND t.from_stage IS DISTINCT FROM t.to_stage
                                            ORDER BY t.version DESC LIMIT 1) + $3::interval, $2::timestamptz - interval '1 hour')
        WHERE c.id = $1`,
      [ref.caseId, base, appClock],
    );
  }

  const p = await api.newProvince(3);
  const [u] = await api.db.query(`SELECT id, path FROM org_unit WHERE id = $1`, [p.unitId]);
  const [f] = await api.db.query(`SELECT id, path FROM org_unit WHERE id = $1`, [p.federationId]);
  const sup = p.supervisor.token;
  const [o1, o2, o3] = p.officers;

  // Cases in every shape of history: never touched, records only, stage entries, closed, reopened, recognized.
  cases.untouched = await openCase(api, p, { assignee: o1 });
  cases.surveyed = await openCase(api, p, { assignee: o2 });
  await steps.survey(api, o2.token, cases.surveyed);
  cases.outreach = await walkToStage(api, p, 'OUTREACH', { assignee: o1 });
  await steps.outreach(api, o1.token, cases.outreach);
  cases.guidance = await walkToStage(api, p, 'GUIDANCE', { assignee: o2 });
  cases.guidance2 = await walkToStage(api, p, 'GUIDANCE', { assignee: o3 });
  cases.closed = await walkToStage(api, p, 'OUTREACH', { assignee: o3 });
  const closed = await api.ok(
    M.close,
    { i: { caseId: cases.closed.caseId, expectedVersion: cases.closed.version, reason: 'WORKERS_DECLINED', comment: 'Người lao động chưa muốn' } },
    sup,
  );
  cases.closed.version = closed.closeFoundingCase.version;
  cases.reopened = await walkToStage(api, p, 'OUTREACH', { assignee: o1 });
  const c2 = await api.ok(
    M.close,
    { i: { caseId: cases.reopened.caseId, expectedVersion: cases.reopened.version, reason: 'WORKERS_DECLINED', comment: 'Tạm dừng' } },
    sup,
  );
  const r2 = await api.ok(M.reopen, { i: { caseId: cases.reopened.caseId, expectedVersion: c2.closeFoundingCase.version, comment: 'Mở lại' } }, sup);
  cases.reopened.version = r2.reopenFoundingCase.version;
  cases.skewed = await walkToStage(api, p, 'OUTREACH', { assignee: o2 });
  cases.unassigned = await openCase(api, p, { assignee: null });
  await steps.survey(api, sup, cases.unassigned);
  cases.recognized = await walkToStage(api, p, 'RECOGNIZED', {
    assignee: o2,
    dates: {
      surveyedOn: '2025-06-01',
      outreachOn: '2025-06-05',
      formedOn: '2025-06-08',
      submittedOn: '2025-06-09',
      congressOn: '2025-06-15',
      dossierOn: '2025-06-16',
      decidedOn: '2025-06-20',
    },
  });
  cases.recognized2 = await walkToStage(api, p, 'RECOGNIZED', {
    assignee: o3,
    applications: 6,
    dates: {
      surveyedOn: '2024-12-01',
      outreachOn: '2024-12-05',
      formedOn: '2024-12-08',
      submittedOn: '2024-12-09',
      congressOn: '2024-12-15',
      dossierOn: '2024-12-16',
      decidedOn: '2024-12-31',
    },
  });

  // History dated around the period edges (Vietnam's midnights), with stage changes after the periods end.
  await redate(cases.untouched, '2025-02-01 08:00+07', '0 days');
  await redate(cases.surveyed, '2025-03-31 23:00+07', '2 hours'); // the record step after the month's end
  await redate(cases.outreach, '2025-06-30 23:59:59.9+07', '0.05 seconds'); // entry exactly around 1 July 00:00
  await redate(cases.guidance, '2025-05-20 10:00+07', '21 days');
  await redate(cases.guidance2, '2025-08-31 12:00+07', '12 hours', '-150 milliseconds'); // app clock behind the database
  await redate(cases.closed, '2025-04-10 09:00+07', '40 days');
  // Entered OUTREACH 0.1 s after 1 August 00:00 by the database's clock, 0.1 s before it by the application's.
  await redate(cases.skewed, '2025-07-31 22:00:00.1+07', '1 hour', '-200 milliseconds');
  await redate(cases.reopened, '2025-09-01 09:00+07', '25 days');
  await redate(cases.unassigned, '2025-10-01 00:00+07', '-0.001 seconds'); // steps dated before the opening: odd, still replayed
  await redate(cases.recognized, '2025-06-15 09:00+07', '4 days');
  await redate(cases.recognized2, '2024-12-20 09:00+07', '3 days'); // recognized around the year's turn

  // Grassroots unions with members admitted 2024-11 – 2026-02 in one set-based insert (as the bench seeds).
  for (let i = 0; i < 3; i++) {
    const [g] = await api.db.query(
      `WITH id AS (SELECT gen_random_uuid() AS id) INSERT INTO org_unit (id, name, kind, parent_id, path)
       SELECT id.id, $1, 'GRASSROOTS', $2, $3 || '.' || id.id FROM id RETURNING id`,
      [`CĐCS Công ty ${i} ${p.tag}`, p.unitId, u.path],
    );
    unions.push(g.id);
  }
  const founded: string[] = (
    await api.db.query(`SELECT grassroots_union_id AS id FROM founding_case WHERE id = ANY($1) ORDER BY id`, [
      [cases.recognized.caseId, cases.recognized2.caseId],
    ])
  ).map((r: { id: string }) => r.id);
  unions.push(...founded);
  await api.db.query(
    `INSERT INTO member (grassroots_union_id, case_id, full_name, birth_year, gender, admitted_on, left_on)
     SELECT ($1::uuid[])[1 + g % 5],
            CASE WHEN g % 7 = 0 THEN $2::uuid WHEN g % 11 = 0 THEN $3::uuid WHEN g % 13 = 0 THEN $4::uuid END,
            'Đoàn viên ' || g, 1970 + g % 30, CASE WHEN g % 2 = 0 THEN 'Nữ' ELSE 'Nam' END, d,
            CASE WHEN g % 9 = 0 THEN d + (g % 200) WHEN g % 17 = 0 THEN d - 3 WHEN g % 19 = 0 THEN d END
       FROM generate_series(1, 2400) g, LATERAL (SELECT date '2024-11-01' + (g * 7919 % 485) AS d) x`,
    [unions, cases.recognized.caseId, cases.outreach.caseId, cases.unassigned.caseId],
  );
  // Members on the very edges of months and of the anniversary season.
  for (const [d, left] of [
    ['2025-06-30', null],
    ['2025-07-01', '2025-07-19'],
    ['2025-07-19', '2025-07-20'],
    ['2025-07-20', null],
    ['2025-04-30', '2025-05-01'],
    ['2025-12-31', '2025-12-31'],
  ]) {
    await api.db.query(
      `INSERT INTO member (grassroots_union_id, full_name, birth_year, gender, admitted_on, left_on) VALUES ($1, 'Biên', 1990, 'Nam', $2, $3)`,
      [unions[0], d, left],
    );
  }
  // Later edits: members moved, re-dated, leaving, coming back, deleted, re-linked to another case; one statement each.
  await api.db.query(`UPDATE member SET grassroots_union_id = $2 WHERE grassroots_union_id = $1 AND full_name LIKE '%3'`, [unions[1], unions[2]]);
  await api.db.query(`UPDATE member SET admitted_on = admitted_on + 17 WHERE grassroots_union_id = $1 AND full_name LIKE '%5'`, [unions[0]]);
  await api.db.query(`UPDATE member SET left_on = date '2025-07-31' WHERE grassroots_union_id = $1 AND full_name LIKE '%2' AND left_on IS NULL`, [unions[3]]);
  await api.db.query(`UPDATE member SET left_on = NULL WHERE grassroots_union_id = ANY($1) AND full_name LIKE '%9' AND left_on IS NOT NULL`, [unions]);
  await api.db.query(`DELETE FROM member WHERE grassroots_union_id = ANY($1) AND full_name LIKE '%4' AND admitted_on < '2025-08-01'`, [unions]);
  await api.db.query(`UPDATE member SET case_id = $2 WHERE case_id = $1 AND full_name LIKE '%1'`, [cases.recognized.caseId, cases.guidance.caseId]);
  await api.db.query(`UPDATE member SET case_id = NULL WHERE case_id = $1 AND full_name LIKE '%6'`, [cases.outreach.caseId]);
  await api.db.query(`UPDATE member SET decision_number = 'QĐ-1' WHERE grassroots_union_id = ANY($1)`, [unions]); // no count changes

  // Coverage: enterprises on the register with and without a union, under and over 25 workers.
  for (const [w, h] of [
    [24, true],
    [25, true],
    [25, false],
    [300, true],
  ] as const) {
    await api.ok(
      M.createEnterprise,
      {
        i: {
          name: `Công ty ${w} ${h} ${p.tag}`,
          taxCode: newTaxCode(),
          district: 'Huyện Vũ Thư',
          sector: 'Cơ khí',
          ownership: 'PRIVATE',
          workerCount: w,
          hasUnion: h,
          orgUnitId: p.unitId,
        },
      },
      sup,
    );
  }
  return { p, unit: u, federation: f, unions, cases };
}

/** Stages, byOfficer, the overdue list and coverage of a period that is over, against their plain definitions. */
export async function expectCaseFiguresPlain(api: TestApi, figures: FiguresService, unit: ScopeUnit, period: FigurePeriod, today: IsoDate): Promise<void> {
  const f = await figures.figures(unit, period, today, api.db);
  const want = await plain.stages(api.db, unit, period);
  expect(Object.fromEntries(f.stages.filter((s) => s.count > 0).map((s) => [s.stage, { count: s.count, overdue: s.overdue }]))).toEqual(want);
  expect(f.newMembers.actual).toBe(await plain.newMembers(api.db, unit, period));
  // The year's target is read against the result from 1 January to the period's end.
  expect(f.newMembers.yearToDate).toBe(await plain.newMembers(api.db, unit, { start: `${period.start.slice(0, 4)}-01-01`, end: period.end }));
  const cov = await plain.coverage(api.db, unit, period.end);
  expect({ total: f.coverage.enterprises25Plus, withUnion: f.coverage.withUnion }).toEqual(cov);

  const officers = await figures.byOfficer(api.db, unit, period, today);
  const byId = new Map(officers.map((o) => [o.officerId, o]));
  for (const o of await plain.byOfficer(api.db, unit, period)) {
    expect(byId.get(o.officerId)).toMatchObject(o);
  }
  // Officers with no case as of then have no cases in the figures either.
  const counted = new Set((await plain.byOfficer(api.db, unit, period)).map((o: { officerId: string }) => o.officerId));
  for (const o of officers) if (!counted.has(o.officerId)) expect(o.cases).toBe(0);

  const overdue = await figures.overdueCasesOf(api.db, unit, period, today);
  expect(overdue.map((c) => ({ id: c.caseId, due: c.stageDueOn })).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(await plain.overdue(api.db, unit, period));
  for (const limit of [1, 2, 3]) {
    expect((await figures.overdueCasesOf(api.db, unit, period, today, limit)).map((c) => c.caseId)).toEqual(
      await plain.overdueFirst(api.db, unit, period, limit),
    );
  }
}
