import { Job } from 'bullmq';
import { AuditLogService, RewardScheduleService, RewardsService } from '@app/core';
import { JobName } from '@app/queue';
import { EvaluateRewardsHandler, ScheduleRewardEvaluationsHandler } from '../../apps/worker/src/handlers';
import { MAY_2025, M, codeOf, errorOf, vnToday, walkToStage } from '../support/case-fixtures';
import { Province, TestApi, TestUser } from '../support/test-api';

const NOMINATION = `id occasion rule periodKind periodStart periodEnd nominee score basis status figuresJson decisionNote decidedAt
  officer { id } grassrootsUnion { id name } decidedBy { id }`;
const EVALUATE = `mutation($u: ID!, $k: PeriodKind!, $s: Date!) { evaluateRewards(orgUnitId: $u, periodKind: $k, periodStart: $s) { ${NOMINATION} } }`;
const DECIDE = `mutation($id: ID!, $a: Boolean!, $n: String) { decideNomination(id: $id, approve: $a, note: $n) { ${NOMINATION} } }`;
const LIST = `query($u: ID, $s: Date) { rewardNominations(orgUnitId: $u, periodStart: $s) { ${NOMINATION} } }`;

// Several tests walk a whole founding case through the API (about 15 mutations).
jest.setTimeout(60_000);

describe('rewards: evaluations, nominations and decisions over GraphQL', () => {
  let api: TestApi;
  let p: Province;
  let officer: TestUser;
  let unionId: string;

  const evaluate = async (token: string, kind: string, start: string, unit = p.unitId) =>
    (await api.ok(EVALUATE, { u: unit, k: kind, s: start }, token)).evaluateRewards as any[];
  const setOfficerTarget = (year: number, newMembers: number | null, newGrassrootsUnions: number | null) =>
    api.ok(M.setTarget, { i: { year, officerId: officer.id, newMembers, newGrassrootsUnions } }, p.supervisor.token);
  const rowsOf = (unit: string, start: string) =>
    api.db.query(
      `SELECT id, rule, officer_id, grassroots_union_id, status, score, basis, figures, evaluated_at FROM reward_nomination
                   WHERE org_unit_id = $1 AND period_start = $2 ORDER BY id`,
      [unit, start],
    );
  const officerRow = (rows: any[]) => rows.find((n) => n.rule === 'OFFICER_RESULTS' && n.officer?.id === officer.id);

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(2);
    officer = p.officers[0];
    const ref = await walkToStage(api, p, 'RECOGNIZED', { assignee: officer, dates: MAY_2025 });
    const [c] = await api.db.query(`SELECT grassroots_union_id FROM founding_case WHERE id = $1`, [ref.caseId]);
    unionId = c.grassroots_union_id;
    await setOfficerTarget(2025, 5, 1);
  });
  afterAll(() => api.close());

  it('nominates an officer whose case was recognised, with a Vietnamese basis holding the figures', async () => {
    const list = await evaluate(p.supervisor.token, 'MONTH', '2025-05-01');
    const mine = officerRow(list);
    expect(mine).toMatchObject({
      occasion: 'WORKERS_MONTH',
      rule: 'OFFICER_RESULTS',
      periodKind: 'MONTH',
      periodStart: '2025-05-01',
      periodEnd: '2025-05-31',
      nominee: `officer1 ${p.tag}`,
      score: 100,
      status: 'PROPOSED',
      officer: { id: officer.id },
      grassrootsUnion: null,
      decidedBy: null,
      basis: 'Kết nạp 5/5 đoàn viên (100%), thành lập 1/1 CĐCS (100%)',
    });
    expect(JSON.parse(mine.figuresJson)).toMatchObject({
      membersAdmitted: 5,
      cdcsFounded: 1,
      targetMembers: 5,
      targetCdcs: 1,
      targetYear: 2025,
      provisional: false,
    });
    // The new CĐCS grew from nothing to five members in May.
    expect(list.find((n) => n.rule === 'CDCS_MEMBER_GROWTH')).toMatchObject({
      grassrootsUnion: { id: unionId },
      score: 100,
      officer: null,
      basis:
        'Đầu kỳ 0 đoàn viên, kết nạp 5 đoàn viên (tăng 100%, tính trên số kết nạp do đầu kỳ chưa có đoàn viên; yêu cầu: kết nạp ít nhất 5, tăng ít nhất 10%)',
    });
    expect(list).toHaveLength(2);
  });

  it('maps the year end and the anniversary to their periods, and refuses other periods naming periodStart', async () => {
    expect(officerRow(await evaluate(p.supervisor.token, 'YEAR', '2025-01-01'))).toMatchObject({ occasion: 'YEAR_END', periodEnd: '2025-12-31', score: 100 });
    // The anniversary of 2025 covers 1 Aug 2024 .. 19 Jul 2025 and is judged against the 2025 targets.
    expect(officerRow(await evaluate(p.supervisor.token, 'YEAR', '2024-08-01'))).toMatchObject({
      occasion: 'ANNIVERSARY',
      periodKind: 'YEAR',
      periodStart: '2024-08-01',
      periodEnd: '2025-07-19',
      score: 100,
    });
    for (const [k, s] of [
      ['MONTH', '2025-06-01'],
      ['QUARTER', '2025-04-01'],
      ['YEAR', '2025-05-01'],
      ['YEAR', '2099-01-01'],
    ]) {
      const r = await api.gql(EVALUATE, { u: p.unitId, k, s }, p.supervisor.token);
      expect([k, s, codeOf(r)]).toEqual([k, s, 'BAD_USER_INPUT']);
      expect(errorOf(r).fields).toEqual(['periodStart']);
    }
  });

  it('answers NOT_FOUND for a unit outside the scope and FORBIDDEN to an officer', async () => {
    const other = await api.newProvince(0);
    expect(codeOf(await api.gql(EVALUATE, { u: other.unitId, k: 'MONTH', s: '2025-05-01' }, p.supervisor.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(EVALUATE, { u: p.unitId, k: 'MONTH', s: '2025-05-01' }, officer.token))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(LIST, { u: p.unitId }, other.supervisor.token))).toBe('NOT_FOUND');
    expect((await api.ok(LIST, {}, other.supervisor.token)).rewardNominations).toEqual([]);
  });

  it('lets every role read the nominations in its scope', async () => {
    const asOfficer = (await api.ok(LIST, { s: '2025-05-01' }, officer.token)).rewardNominations;
    expect(asOfficer.map((n: any) => n.rule).sort()).toEqual(['CDCS_MEMBER_GROWTH', 'OFFICER_RESULTS']);
    const asFederation = (await api.ok(LIST, { u: p.unitId, s: '2025-05-01' }, p.federationSupervisor.token)).rewardNominations;
    expect(asFederation.map((n: any) => n.id).sort()).toEqual(asOfficer.map((n: any) => n.id).sort());
    expect((await api.ok(LIST, { u: p.unitId }, p.supervisor.token)).rewardNominations.length).toBeGreaterThanOrEqual(6);
  });

  it('adds no duplicate on re-evaluation', async () => {
    const before = await rowsOf(p.unitId, '2025-05-01');
    const again = await evaluate(p.supervisor.token, 'MONTH', '2025-05-01');
    await Promise.all([evaluate(p.supervisor.token, 'MONTH', '2025-05-01'), evaluate(p.supervisor.token, 'MONTH', '2025-05-01')]);
    const after = await rowsOf(p.unitId, '2025-05-01');
    expect(after.map((r: any) => r.id)).toEqual(before.map((r: any) => r.id));
    expect(again.map((n) => n.id).sort()).toEqual(before.map((r: any) => r.id).sort());
  });

  it('keeps a decided nomination as decided while PROPOSED ones follow the figures, and removes those no longer qualifying', async () => {
    const may = officerRow(await evaluate(p.supervisor.token, 'MONTH', '2025-05-01'));
    const decided = (await api.ok(DECIDE, { id: may.id, a: true, n: 'Đề nghị tặng Giấy khen' }, p.supervisor.token)).decideNomination;
    expect(decided).toMatchObject({ status: 'APPROVED', decisionNote: 'Đề nghị tặng Giấy khen', decidedBy: { id: p.supervisor.id } });
    expect(decided.decidedAt).toBeTruthy();
    const [event] = await api.db.query(`SELECT from_status, to_status, by_user_id, note FROM reward_nomination_event WHERE nomination_id = $1`, [may.id]);
    expect(event).toEqual({ from_status: 'PROPOSED', to_status: 'APPROVED', by_user_id: p.supervisor.id, note: 'Đề nghị tặng Giấy khen' });
    // The same decision as GraphQL shows it, on the list too (one loader call for all nominations).
    const HISTORY = `query($u: ID, $s: Date) { rewardNominations(orgUnitId: $u, periodStart: $s) { id history { from to at note by { id fullName } } } }`;
    const listed = (await api.ok(HISTORY, { u: p.unitId, s: '2025-05-01' }, officer.token)).rewardNominations as any[];
    const shown = listed.find((n) => n.id === may.id);
    expect(shown.history).toEqual([
      {
        from: 'PROPOSED',
        to: 'APPROVED',
        at: expect.any(String),
        note: 'Đề nghị tặng Giấy khen',
        by: { id: p.supervisor.id, fullName: `supervisor ${p.tag}` },
      },
    ]);
    expect(listed.filter((n) => n.id !== may.id).every((n) => n.history.length === 0)).toBe(true);
    const [frozen] = await api.db.query(`SELECT * FROM reward_nomination WHERE id = $1`, [may.id]);

    // New figures: the 2025 member target drops to 4, so 5 admitted is 125%.
    await setOfficerTarget(2025, 4, 1);
    await evaluate(p.supervisor.token, 'MONTH', '2025-05-01');
    const yearEnd = officerRow(await evaluate(p.supervisor.token, 'YEAR', '2025-01-01'));
    expect(yearEnd).toMatchObject({ status: 'PROPOSED', score: 115, basis: 'Kết nạp 5/4 đoàn viên (125%), thành lập 1/1 CĐCS (100%)' });
    expect((await api.db.query(`SELECT * FROM reward_nomination WHERE id = $1`, [may.id]))[0]).toEqual(frozen);

    // Out of reach now: the PROPOSED year-end nomination goes; the approved May one stays.
    await setOfficerTarget(2025, 50, 1);
    expect(officerRow(await evaluate(p.supervisor.token, 'YEAR', '2025-01-01'))).toBeUndefined();
    expect(await api.db.query(`SELECT 1 FROM reward_nomination WHERE id = $1`, [yearEnd.id])).toHaveLength(0);
    expect(officerRow(await evaluate(p.supervisor.token, 'MONTH', '2025-05-01'))).toMatchObject({ id: may.id, status: 'APPROVED', score: 100 });
    expect((await api.db.query(`SELECT * FROM reward_nomination WHERE id = $1`, [may.id]))[0]).toEqual(frozen);

    const twice = await api.gql(DECIDE, { id: may.id, a: false }, p.federationSupervisor.token);
    expect(codeOf(twice)).toBe('CONFLICT');
    await setOfficerTarget(2025, 5, 1);
  });

  it('refuses a decision to an officer (FORBIDDEN) and out of scope (NOT_FOUND)', async () => {
    const growth = (await evaluate(p.supervisor.token, 'YEAR', '2025-01-01')).find((n) => n.rule === 'CDCS_MEMBER_GROWTH');
    expect(codeOf(await api.gql(DECIDE, { id: growth.id, a: true }, officer.token))).toBe('FORBIDDEN');
    const other = await api.newProvince(0);
    expect(codeOf(await api.gql(DECIDE, { id: growth.id, a: true }, other.supervisor.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(DECIDE, { id: 'not-a-uuid', a: true }, p.supervisor.token))).toBe('NOT_FOUND');
    const [row] = await api.db.query(`SELECT status, decided_by FROM reward_nomination WHERE id = $1`, [growth.id]);
    expect(row).toEqual({ status: 'PROPOSED', decided_by: null });
  });

  it('never lets the nominee decide its own nomination', async () => {
    // The supervisor worked a case itself: with no targets, 1 CĐCS and 5 members qualify it.
    await walkToStage(api, p, 'RECOGNIZED', { assignee: p.supervisor, dates: { ...MAY_2025, decidedOn: '2025-05-21' } });
    const own = (await evaluate(p.supervisor.token, 'MONTH', '2025-05-01')).find((n) => n.officer?.id === p.supervisor.id);
    expect(own).toMatchObject({ rule: 'OFFICER_RESULTS', score: 15, status: 'PROPOSED' });
    expect(own.basis).toContain('Không giao chỉ tiêu; kết nạp 5 đoàn viên, thành lập 1 CĐCS');
    const r = await api.gql(DECIDE, { id: own.id, a: true }, p.supervisor.token);
    expect(codeOf(r)).toBe('FORBIDDEN');
    expect((await api.db.query(`SELECT status FROM reward_nomination WHERE id = $1`, [own.id]))[0].status).toBe('PROPOSED');
    const byParent = (await api.ok(DECIDE, { id: own.id, a: false, n: 'Chưa đủ tiêu chuẩn' }, p.federationSupervisor.token)).decideNomination;
    expect(byParent).toMatchObject({ status: 'REJECTED', decidedBy: { id: p.federationSupervisor.id } });
  });

  it('evaluates a running period provisionally and refuses one not begun', async () => {
    const today = vnToday();
    const year = Number(today.slice(0, 4));
    await walkToStage(api, p, 'RECOGNIZED', { assignee: p.officers[1] });
    const mine = (await evaluate(p.supervisor.token, 'YEAR', `${year}-01-01`)).find((n) => n.officer?.id === p.officers[1].id);
    const [y, m, d] = today.split('-');
    expect(mine.basis).toContain(`(tạm tính đến ngày ${d}/${m}/${y})`);
    expect(JSON.parse(mine.figuresJson)).toMatchObject({ provisional: true, asOf: today });
    expect(codeOf(await api.gql(EVALUATE, { u: p.unitId, k: 'YEAR', s: `${year + 1}-01-01` }, p.supervisor.token))).toBe('BAD_USER_INPUT');
  });

  it("schedules Workers' Month once on 1 June, and a redelivered evaluation adds no rows", async () => {
    const q = await api.newProvince(1);
    await walkToStage(api, q, 'RECOGNIZED', { assignee: q.officers[0], dates: MAY_2025 });
    // The worker's handlers over the API's services: the same code a BullMQ delivery runs.
    const schedule = new ScheduleRewardEvaluationsHandler(api.app.get(RewardScheduleService));
    const evaluateJob = new EvaluateRewardsHandler(api.app.get(RewardsService), api.app.get(AuditLogService));
    // The same BullMQ job delivered twice.
    const delivery = { queueName: 'rewards', id: 'rewards-redelivered' } as Job;
    const first = await schedule.handle({ today: '2025-06-01' });
    const second = await schedule.handle({ today: '2025-06-01' });
    expect(first).toEqual([{ occasion: 'WORKERS_MONTH', year: 2025, units: expect.any(Number) }]);
    expect(second).toEqual([]);
    expect(await schedule.handle({ today: '2025-06-05' })).toEqual([]); // inside the catch-up window, already scheduled

    const jobs = await api.db.query(`SELECT id, queue, payload FROM outbox WHERE job_name = $1 AND payload->>'orgUnitId' = $2`, [
      JobName.EVALUATE_REWARDS,
      q.unitId,
    ]);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ queue: 'rewards', payload: { orgUnitId: q.unitId, occasion: 'WORKERS_MONTH', year: 2025 } });
    // Delivered by hand here, so no later worker in the run picks these rows up.
    await api.db.query(`UPDATE outbox SET sent_at = now() WHERE job_name = $1 AND sent_at IS NULL`, [JobName.EVALUATE_REWARDS]);

    expect(await evaluateJob.handle(jobs[0].payload, delivery)).toEqual({ nominations: 2 });
    const rows = await rowsOf(q.unitId, '2025-05-01');
    expect(rows.map((r: any) => r.rule).sort()).toEqual(['CDCS_MEMBER_GROWTH', 'OFFICER_RESULTS']);
    expect(await evaluateJob.handle(jobs[0].payload, delivery)).toEqual({ nominations: 2 });
    expect((await rowsOf(q.unitId, '2025-05-01')).map((r: any) => r.id)).toEqual(rows.map((r: any) => r.id));
  });
});
