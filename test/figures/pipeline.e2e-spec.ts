import { ALL_STAGES } from '@app/domain';
import { TestApi } from '../support/test-api';
import {
  M,
  Q,
  addDays,
  applicant,
  caseState,
  codeOf,
  createEnterprise,
  errorOf,
  openCase,
  pipelineOf,
  steps,
  vnToday,
  walkToStage,
} from '../support/case-fixtures';

// Real HTTP, Postgres and bcrypt logins: slower than unit tests, especially on a busy machine.
jest.setTimeout(60_000);

const thisYear = () => Number(vnToday().slice(0, 4));

describe('pipeline(orgUnitId, year)', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  it('counts a new CĐCS and its founding members on the recognition decision day (31 Dec), not the day the case advanced', async () => {
    const p = await api.newProvince(1);
    const ref = await walkToStage(api, p, 'RECOGNIZED', {
      workerCount: 40,
      dates: {
        surveyedOn: '2024-11-04',
        outreachOn: '2024-11-15',
        formedOn: '2024-12-02',
        submittedOn: '2024-12-03',
        congressOn: '2024-12-20',
        dossierOn: '2024-12-26',
        decidedOn: '2024-12-31',
      },
    });
    expect(ref.stage).toBe('RECOGNIZED');
    const sup = p.supervisor.token;
    const y2024 = await pipelineOf(api, sup, p.unitId, 2024);
    expect(y2024).toMatchObject({ orgUnit: { id: p.unitId }, year: 2024, newGrassrootsUnions: { actual: 1 }, newMembers: { actual: 5 } });
    const y2025 = await pipelineOf(api, sup, p.unitId, 2025);
    expect(y2025).toMatchObject({ newGrassrootsUnions: { actual: 0 }, newMembers: { actual: 0 } });
    const now = await pipelineOf(api, sup, p.unitId, thisYear());
    expect(now).toMatchObject({ newGrassrootsUnions: { actual: 0 }, newMembers: { actual: 0 } });
    // The case entered RECOGNIZED this year (now), so this year's pipeline shows it there.
    expect(now.stage('RECOGNIZED')).toEqual({ stage: 'RECOGNIZED', count: 1, overdue: 0 });

    // Coverage at a period's end: the union exists from the decision day on, not before.
    expect(y2024.coverage).toMatchObject({ enterprises25Plus: 1, withUnion: 1, percent: 100 });
    const y2023 = await pipelineOf(api, sup, p.unitId, 2023);
    expect(y2023.coverage).toMatchObject({ enterprises25Plus: 1, withUnion: 0, percent: 0 });

    // The federation above sees the same figures in its subtree; another province sees nothing of it.
    const fed = await pipelineOf(api, p.federationSupervisor.token, p.federationId, 2024);
    expect(fed).toMatchObject({ newGrassrootsUnions: { actual: 1 }, newMembers: { actual: 5 } });
    const other = await api.newProvince(1);
    const leak = await api.gql(Q.pipeline, { u: p.unitId, y: 2024 }, other.supervisor.token);
    expect(codeOf(leak)).toBe('NOT_FOUND');
  });

  it('setTarget shows as the targets of that year only; setting again replaces the figures given, keeps those left out', async () => {
    const p = await api.newProvince(1);
    const set = (i: Record<string, unknown>, token = p.supervisor.token) => api.gql(M.setTarget, { i }, token);
    const r = await set({ year: 2025, orgUnitId: p.unitId, newMembers: 130, newGrassrootsUnions: 2, coveragePercent: 100 });
    expect(r.errors).toBeUndefined();
    expect(r.data.setTarget).toBe(true);
    const y2025 = await pipelineOf(api, p.supervisor.token, p.unitId, 2025);
    expect(y2025.newMembers).toEqual({ target: 130, actual: 0 });
    expect(y2025.newGrassrootsUnions).toEqual({ target: 2, actual: 0 });
    expect(y2025.coverage.targetPercent).toBe(100);
    const y2024 = await pipelineOf(api, p.supervisor.token, p.unitId, 2024);
    expect(y2024.newMembers.target).toBeNull();
    expect(y2024.newGrassrootsUnions.target).toBeNull();
    expect(y2024.coverage.targetPercent).toBeNull();

    await set({ year: 2025, orgUnitId: p.unitId, newMembers: 150, newGrassrootsUnions: 1, coveragePercent: 87.5 });
    const again = await pipelineOf(api, p.supervisor.token, p.unitId, 2025);
    expect(again.newMembers.target).toBe(150);
    expect(again.newGrassrootsUnions.target).toBe(1);
    expect(again.coverage.targetPercent).toBe(87.5);

    // A figure left out keeps the saved one; null clears it.
    await api.ok(M.setTarget, { i: { year: 2025, orgUnitId: p.unitId, newMembers: 160 } }, p.supervisor.token);
    const partial = await pipelineOf(api, p.supervisor.token, p.unitId, 2025);
    expect([partial.newMembers.target, partial.newGrassrootsUnions.target, partial.coverage.targetPercent]).toEqual([160, 1, 87.5]);
    await api.ok(M.setTarget, { i: { year: 2025, orgUnitId: p.unitId, newGrassrootsUnions: null } }, p.supervisor.token);
    const cleared = await pipelineOf(api, p.supervisor.token, p.unitId, 2025);
    expect([cleared.newMembers.target, cleared.newGrassrootsUnions.target, cleared.coverage.targetPercent]).toEqual([160, null, 87.5]);
    await set({ year: 2025, orgUnitId: p.unitId, newMembers: 150, newGrassrootsUnions: 1, coveragePercent: 87.5 });

    // Officers do not set targets; out-of-range targets are bad input.
    expect(codeOf(await set({ year: 2025, orgUnitId: p.unitId, newMembers: 1 }, p.officers[0].token))).toBe('FORBIDDEN');
    const bad = await set({ year: 2025, orgUnitId: p.unitId, newMembers: -1, coveragePercent: 101 });
    expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect([...errorOf(bad).fields].sort()).toEqual(['coveragePercent', 'newMembers']);
    expect((await pipelineOf(api, p.supervisor.token, p.unitId, 2025)).newMembers.target).toBe(150);
  });

  it('coverage counts the enterprises with 25 or more workers and those of them with a union', async () => {
    const p = await api.newProvince(1);
    const year = thisYear();
    for (const [workerCount, hasUnion] of [
      [10, false],
      [10, true],
      [24, true],
      [25, false],
      [30, false],
      [30, false],
      [30, true],
    ] as const) {
      await createEnterprise(api, p, { workerCount, hasUnion });
    }
    const before = await pipelineOf(api, p.supervisor.token, p.unitId, year);
    expect(before.coverage).toEqual({ enterprises25Plus: 4, withUnion: 1, percent: 25, targetPercent: null });

    // A founding recognised today (30 workers as surveyed) adds one with a union; the target shows beside it.
    await walkToStage(api, p, 'RECOGNIZED', { workerCount: 30 });
    await api.ok(M.setTarget, { i: { year, orgUnitId: p.unitId, coveragePercent: 100 } }, p.supervisor.token);
    const after = await pipelineOf(api, p.supervisor.token, p.unitId, year);
    expect(after.coverage).toEqual({ enterprises25Plus: 5, withUnion: 2, percent: 40, targetPercent: 100 });
    // Officers watch their own unit's pipeline; the figures are the same.
    const asOfficer = await pipelineOf(api, p.officers[0].token, p.unitId, year);
    expect(asOfficer.coverage).toEqual(after.coverage);
  });

  it('a member admitted on 1 January (Vietnam) counts in that year, not the previous one', async () => {
    const p = await api.newProvince(1);
    const sup = p.supervisor.token;
    const unit = (await api.ok(M.createOrgUnit, { i: { name: `Công đoàn cơ sở Trường THPT ${p.tag}`, kind: 'GRASSROOTS', parentId: p.unitId } }, sup))
      .createOrgUnit;
    expect(unit).toMatchObject({ kind: 'GRASSROOTS', parent: { id: p.unitId } });

    const submit = async () =>
      (await api.ok(M.apply, { i: applicant({ grassrootsUnionId: unit.id }, { submittedOn: '2024-12-20' }) }, p.officers[0].token)).submitApplication
        .id as string;
    const jan1 = await submit();
    const dec31 = await submit();
    const decided = await api.ok(M.decideApplication, { i: { applicationId: jan1, admit: true, decidedOn: '2025-01-01', decisionNumber: '01/QĐ-CĐCS' } }, sup);
    expect(decided.decideApplication).toMatchObject({ status: 'ADMITTED', decidedOn: '2025-01-01', decisionNumber: '01/QĐ-CĐCS' });
    await api.ok(M.decideApplication, { i: { applicationId: dec31, admit: true, decidedOn: '2024-12-31', decisionNumber: '99/QĐ-CĐCS' } }, sup);

    const [m] = await api.db.query(`SELECT to_char(admitted_on, 'YYYY-MM-DD') AS d, grassroots_union_id FROM member WHERE application_id = $1`, [jan1]);
    expect(m).toEqual({ d: '2025-01-01', grassroots_union_id: unit.id });

    const y2025 = await pipelineOf(api, sup, p.unitId, 2025);
    const y2024 = await pipelineOf(api, sup, p.unitId, 2024);
    expect(y2025.newMembers.actual).toBe(1);
    expect(y2024.newMembers.actual).toBe(1);

    // Back-dated by SQL to 1 January 2024: it moves to 2024, none left in 2025.
    await api.db.query(`UPDATE member SET admitted_on = '2024-01-01' WHERE application_id = $1`, [jan1]);
    expect((await pipelineOf(api, sup, p.unitId, 2024)).newMembers.actual).toBe(2);
    expect((await pipelineOf(api, sup, p.unitId, 2023)).newMembers.actual).toBe(0);
    expect((await pipelineOf(api, sup, p.unitId, 2025)).newMembers.actual).toBe(0);
  });

  it('applications on a founding case are not decided one by one', async () => {
    const p = await api.newProvince(1);
    const ref = await walkToStage(api, p, 'GUIDANCE');
    const appId = (await api.ok(M.apply, { i: applicant({ caseId: ref.caseId }) }, p.officers[0].token)).submitApplication.id;
    const r = await api.gql(
      M.decideApplication,
      { i: { applicationId: appId, admit: true, decidedOn: vnToday(), decisionNumber: '5/QĐ' } },
      p.supervisor.token,
    );
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    const [a] = await api.db.query(`SELECT status FROM membership_application WHERE id = $1`, [appId]);
    expect(a.status).toBe('SUBMITTED');
  });

  it('stage counts and overdue counts agree with foundingCases(filter: {overdue})', async () => {
    const p = await api.newProvince(2);
    const sup = p.supervisor.token;
    const today = vnToday();
    const s1 = await openCase(api, p);
    const s2 = await openCase(api, p);
    const s3 = await openCase(api, p, { assignee: p.officers[1] });
    const o1 = await walkToStage(api, p, 'OUTREACH');
    const o2 = await walkToStage(api, p, 'OUTREACH', { assignee: p.officers[1] });
    const g1 = await walkToStage(api, p, 'GUIDANCE');
    const closed = await openCase(api, p);
    await api.ok(M.close, { i: { caseId: closed.caseId, expectedVersion: 1, reason: 'BELOW_THRESHOLD', comment: 'Dưới 25 lao động' } }, sup);

    const setDue = (caseId: string, day: string) => api.db.query(`UPDATE founding_case SET stage_due_on = $2 WHERE id = $1`, [caseId, day]);
    await setDue(s1.caseId, addDays(today, -3)); // overdue
    await setDue(s2.caseId, today); // due today: not yet overdue
    await setDue(o1.caseId, addDays(today, -1)); // overdue
    await setDue(g1.caseId, addDays(today, -30)); // overdue

    const pl = await pipelineOf(api, sup, p.unitId, thisYear());
    expect(pl.stage('SURVEY')).toEqual({ stage: 'SURVEY', count: 3, overdue: 1 });
    expect(pl.stage('OUTREACH')).toEqual({ stage: 'OUTREACH', count: 2, overdue: 1 });
    expect(pl.stage('GUIDANCE')).toEqual({ stage: 'GUIDANCE', count: 1, overdue: 1 });
    expect(pl.stage('FOUNDING_CEREMONY')).toEqual({ stage: 'FOUNDING_CEREMONY', count: 0, overdue: 0 });
    expect(pl.stage('CLOSED')).toEqual({ stage: 'CLOSED', count: 1, overdue: 0 });
    expect(pl.stages.map((s: { stage: string }) => s.stage)).toEqual([...ALL_STAGES]);

    const list = async (overdue: boolean, token = sup) =>
      (await api.ok(Q.foundingCases, { f: { overdue }, first: 50 }, token)).foundingCases as { totalCount: number; nodes: { id: string; overdue: boolean }[] };
    const late = await list(true);
    const overdueTotal = pl.stages.reduce((n: number, s: { overdue: number }) => n + s.overdue, 0);
    expect(late.totalCount).toBe(overdueTotal);
    expect(late.nodes.map((n) => n.id).sort()).toEqual([s1.caseId, o1.caseId, g1.caseId].sort());
    expect(late.nodes.every((n) => n.overdue)).toBe(true);
    const onTime = await list(false);
    expect(onTime.totalCount).toBe(4);
    expect(onTime.nodes.map((n) => n.id).sort()).toEqual([s2.caseId, s3.caseId, o2.caseId, closed.caseId].sort());
    expect(onTime.nodes.every((n) => !n.overdue)).toBe(true);
    // An officer's overdue list is its own part of the same set.
    const officerLate = await list(true, p.officers[1].token);
    expect(officerLate.totalCount).toBe(0);
    expect((await list(true, p.officers[0].token)).totalCount).toBe(3);
    // The flag on a single case agrees.
    const one = await api.ok(Q.foundingCase, { id: s2.caseId }, sup);
    expect(one.foundingCase.overdue).toBe(false);
    expect((await caseState(api, s1.caseId)).stage).toBe('SURVEY');
    // Moving an overdue case on clears it: the new stage has a fresh due day.
    await steps.survey(api, p.officers[0].token, s1);
    await steps.advance(api, p.officers[0].token, s1);
    const pl2 = await pipelineOf(api, sup, p.unitId, thisYear());
    expect(pl2.stage('SURVEY')).toEqual({ stage: 'SURVEY', count: 2, overdue: 0 });
    expect(pl2.stage('OUTREACH')).toEqual({ stage: 'OUTREACH', count: 3, overdue: 1 });
    expect((await list(true)).totalCount).toBe(2);
  });
});
