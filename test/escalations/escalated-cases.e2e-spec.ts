import { CalendarService, EscalationsService } from '@app/core';
import { M, Q, addDays, applicant, codeOf, errorOf, openCase, vnToday } from '../support/case-fixtures';
import { Province, TestApi } from '../support/test-api';

const ROW = `id: case { id } level stage dueOn acknowledged assignee { id }
  lateness { status label workingDays calendarDays }
  escalations { id level caseStage stageEntry raisedAt acknowledgedAt acknowledgements { by { id } at } }`;
const LIST = `query($o: Boolean, $first: Int, $after: String) { escalatedCases(open: $o, first: $first, after: $after) {
  totalCount overdueCount pageInfo { endCursor hasNextPage } nodes { ${ROW} } } }`;
const APPS = `query($o: Boolean) { escalatedApplications(open: $o) { totalCount nodes {
  application { id } decidingUnit { id } level dueOn acknowledged lateness { status label workingDays } escalations { id level caseStage } } } }`;
const ACK = `mutation($i: AcknowledgeCaseEscalationsInput!) { acknowledgeCaseEscalations(input: $i) {
  acknowledged cases { ${ROW} } applications { application { id } acknowledged } } }`;

type Days = { warning: string; due: string; critical: string };

/**
 * The escalations page's API (docs/architecture.md#escalations-per-case): one row per case with its current level, its
 * lateness read from its days as of today, and every level raised inside; acknowledging per row and per selection, in scope.
 */
describe('escalated cases: one row per late case', () => {
  let api: TestApi;
  let p: Province;
  let other: Province;
  const today = vnToday();
  const ids: Record<'critical' | 'overdue' | 'dueSoon' | 'otherOfficer' | 'onTime' | 'otherProvince' | 'closed', string> = {} as never;
  const days: Record<string, Days> = {
    critical: { warning: addDays(today, -40), due: addDays(today, -35), critical: addDays(today, -20) },
    overdue: { warning: addDays(today, -30), due: addDays(today, -21), critical: addDays(today, 30) },
    dueSoon: { warning: addDays(today, -2), due: addDays(today, 10), critical: addDays(today, 30) },
    otherOfficer: { warning: addDays(today, -30), due: addDays(today, -20), critical: addDays(today, 30) },
    onTime: { warning: addDays(today, 5), due: addDays(today, 10), critical: addDays(today, 30) },
    otherProvince: { warning: addDays(today, -30), due: addDays(today, -20), critical: addDays(today, 30) },
    // Late when swept, then closed: it left the stage its levels were raised in.
    closed: { warning: addDays(today, -30), due: addDays(today, -20), critical: addDays(today, 30) },
  };
  let applicationId: string;

  const rows = async (token: string, open = false) => (await api.ok(LIST, { o: open, first: 200 }, token)).escalatedCases;
  const rowOf = async (token: string, caseId: string, open = false) => ((await rows(token, open)).nodes as any[]).find((r) => r.id.id === caseId);
  const workingDaysLate = async (due: string) => (await api.app.get(CalendarService).calendar()).workingDaysBetween(due, today);

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(2);
    other = await api.newProvince(1);
    for (const key of Object.keys(days) as (keyof typeof ids)[]) {
      const ref =
        key === 'otherProvince' ? await openCase(api, other) : await openCase(api, p, { assignee: key === 'otherOfficer' ? p.officers[1] : p.officers[0] });
      ids[key] = ref.caseId;
      const d = days[key];
      await api.db.query(`UPDATE founding_case SET warning_on = $2, stage_due_on = $3, critical_on = $4 WHERE id = $1`, [
        ref.caseId,
        d.warning,
        d.due,
        d.critical,
      ]);
    }
    const app = await api.ok(M.apply, { i: applicant({ grassrootsUnionId: p.unitId }, { submittedOn: addDays(today, -40) }) }, p.officers[0].token);
    applicationId = app.submitApplication.id;
    expect((await api.app.get(EscalationsService).sweep()).ran).toBe(true);
    await api.ok(
      M.close,
      { i: { caseId: ids.closed, expectedVersion: 1, reason: 'WORKERS_DECLINED', comment: 'Người lao động chưa đồng ý' } },
      p.supervisor.token,
    );
  });
  afterAll(() => api.close());

  it('groups the levels of a case into one row: the highest level, the earlier ones inside', async () => {
    const list = await rows(p.supervisor.token);
    const mine = (list.nodes as any[]).map((r) => r.id.id);
    // One row per late case of the unit; not the case in time, not the other province's.
    expect(mine.sort()).toEqual([ids.critical, ids.overdue, ids.dueSoon, ids.otherOfficer, ids.closed].sort());
    expect(list.totalCount).toBe(5);
    const critical = (list.nodes as any[]).find((r) => r.id.id === ids.critical);
    expect(critical).toMatchObject({ level: 'CRITICAL', stage: 'SURVEY', dueOn: days.critical.due, acknowledged: false, assignee: { id: p.officers[0].id } });
    expect(critical.escalations.map((x: any) => x.level)).toEqual(['CRITICAL', 'BREACH', 'WARNING']);
    expect(critical.escalations.every((x: any) => x.caseStage === 'SURVEY' && x.stageEntry === 1)).toBe(true);
    // Most late first.
    expect((list.nodes as any[])[0].id.id).toBe(ids.critical);
  });

  it('labels each row from its due day and today, with its lateness in working and calendar days', async () => {
    const byCase = new Map(((await rows(p.supervisor.token)).nodes as any[]).map((r) => [r.id.id, r]));
    const critical = byCase.get(ids.critical).lateness;
    const overdue = byCase.get(ids.overdue).lateness;
    expect(critical).toEqual({
      status: 'CRITICAL',
      label: `Quá hạn nghiêm trọng: ${await workingDaysLate(days.critical.due)} ngày làm việc`,
      workingDays: await workingDaysLate(days.critical.due),
      calendarDays: 35,
    });
    expect(overdue).toEqual({
      status: 'OVERDUE',
      label: `Quá hạn ${await workingDaysLate(days.overdue.due)} ngày làm việc`,
      workingDays: await workingDaysLate(days.overdue.due),
      calendarDays: 21,
    });
    expect(byCase.get(ids.dueSoon).lateness).toEqual({ status: 'DUE_SOON', label: 'Sắp quá hạn', workingDays: 0, calendarDays: 0 });
    // Closed since: its BREACH stays in the row's history, but it is no longer late.
    expect(byCase.get(ids.closed)).toMatchObject({ level: 'BREACH', stage: 'SURVEY', dueOn: null });
    expect(byCase.get(ids.closed).lateness).toEqual({ status: 'LEFT_STAGE', label: 'Đã chuyển giai đoạn', workingDays: 0, calendarDays: 0 });
  });

  it("an officer's row of a case past its due day is not 'Sắp quá hạn', though only the WARNING was addressed to it", async () => {
    const list = await rows(p.officers[0].token);
    // Its own cases only: not the other officer's.
    expect((list.nodes as any[]).map((r) => r.id.id).sort()).toEqual([ids.critical, ids.overdue, ids.dueSoon, ids.closed].sort());
    const critical = (list.nodes as any[]).find((r) => r.id.id === ids.critical);
    expect(critical.level).toBe('WARNING');
    expect(critical.escalations.map((x: any) => x.level)).toEqual(['WARNING']);
    expect(critical.lateness.status).toBe('CRITICAL');
    for (const r of list.nodes as any[]) if (r.id.id !== ids.dueSoon) expect(r.lateness.label).not.toMatch(/Sắp quá hạn/);
  });

  it("counts the overdue cases as the board does: foundingCases(overdue), the pipeline's stages and the rows agree", async () => {
    const sup = await rows(p.supervisor.token);
    const board = (await api.ok(Q.foundingCases, { f: { overdue: true }, first: 200 }, p.supervisor.token)).foundingCases;
    const pipeline = (await api.ok(Q.pipeline, { u: p.unitId, y: Number(today.slice(0, 4)) }, p.supervisor.token)).pipeline;
    const pipelineOverdue = (pipeline.stages as any[]).reduce((n, s) => n + s.overdue, 0);
    const lateRows = (sup.nodes as any[]).filter((r) => ['OVERDUE', 'CRITICAL'].includes(r.lateness.status)).length;
    expect(sup.overdueCount).toBe(3);
    expect(board.totalCount).toBe(sup.overdueCount);
    expect(pipelineOverdue).toBe(sup.overdueCount);
    expect(lateRows).toBe(sup.overdueCount);
    // An officer's count is its board's: its own overdue cases.
    const off = await rows(p.officers[0].token);
    const offBoard = (await api.ok(Q.foundingCases, { f: { overdue: true }, first: 200 }, p.officers[0].token)).foundingCases;
    expect(off.overdueCount).toBe(2);
    expect(offBoard.totalCount).toBe(off.overdueCount);
  });

  it('pages most late first with a cursor', async () => {
    const first = (await api.ok(LIST, { o: false, first: 2 }, p.supervisor.token)).escalatedCases;
    expect(first.nodes).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await api.ok(LIST, { o: false, first: 2, after: first.pageInfo.endCursor }, p.supervisor.token)).escalatedCases;
    const order = [...first.nodes, ...next.nodes].map((r: any) => r.id.id);
    const last = (await api.ok(LIST, { o: false, first: 2, after: next.pageInfo.endCursor }, p.supervisor.token)).escalatedCases;
    order.push(...last.nodes.map((r: any) => r.id.id));
    // The closed case has no due day any more: last.
    expect(order).toEqual([ids.critical, ids.overdue, ids.otherOfficer, ids.dueSoon, ids.closed]);
    expect(last.pageInfo.hasNextPage).toBe(false);
  });

  it('lists an overdue direct application once, with its lateness', async () => {
    const apps = (await api.ok(APPS, { o: false }, p.supervisor.token)).escalatedApplications;
    expect(apps.nodes).toEqual([
      expect.objectContaining({ application: { id: applicationId }, decidingUnit: { id: p.unitId }, level: 'BREACH', acknowledged: false }),
    ]);
    expect(apps.nodes[0].lateness.status).toBe('OVERDUE');
    expect(apps.nodes[0].lateness.label).toMatch(/^Quá hạn \d+ ngày làm việc$/);
    expect(apps.nodes[0].escalations).toEqual([expect.objectContaining({ level: 'BREACH', caseStage: null })]);
    expect((await api.ok(APPS, { o: false }, other.supervisor.token)).escalatedApplications.totalCount).toBe(0);
  });

  it('refuses an empty selection in Vietnamese, naming the field', async () => {
    const r = await api.gql(ACK, { i: { caseIds: [] } }, p.supervisor.token);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(errorOf(r).fields).toEqual(['caseIds']);
    expect(errorOf(r).messages.caseIds).toBe('Chọn ít nhất một hồ sơ (hoặc đơn) để xác nhận.');
  });

  it("refuses a case outside the caller's scope (NOT_FOUND), and the selection it was in changes nothing", async () => {
    const before = await api.db.query(`SELECT count(*)::int AS n FROM notification WHERE acknowledged_at IS NOT NULL`);
    // The other officer's case, and a case of the other province for the supervisor.
    for (const [token, caseIds] of [
      [p.officers[0].token, [ids.overdue, ids.otherOfficer]],
      [p.supervisor.token, [ids.critical, ids.otherProvince]],
    ] as const) {
      const r = await api.gql(ACK, { i: { caseIds } }, token);
      expect(codeOf(r)).toBe('NOT_FOUND');
      expect(errorOf(r).fields).toEqual(['caseIds']);
      expect(errorOf(r).messages.caseIds).toMatch(/^Không tìm thấy cảnh báo của 1 hồ sơ đã chọn trong phạm vi của bạn\.$/);
    }
    // Something that is no id at all is bad input, named, and also changes nothing.
    const bad = await api.gql(ACK, { i: { caseIds: [ids.critical, 'not-a-case-id'] } }, p.supervisor.token);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(errorOf(bad).messages.caseIds).toBe('Danh sách có mã không hợp lệ.');
    const after = await api.db.query(`SELECT count(*)::int AS n FROM notification WHERE acknowledged_at IS NOT NULL`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('acknowledges per row: every open escalation of the case addressed to the caller, and only for the caller', async () => {
    const ack = (await api.ok(ACK, { i: { caseIds: [ids.overdue] } }, p.officers[0].token)).acknowledgeCaseEscalations;
    expect(ack.acknowledged).toBe(1); // the WARNING, its only one
    expect(ack.cases).toEqual([expect.objectContaining({ id: { id: ids.overdue }, acknowledged: true })]);
    expect(ack.cases[0].escalations[0].acknowledgements).toEqual([{ by: { id: p.officers[0].id }, at: expect.any(String) }]);
    expect((await rows(p.officers[0].token, true)).nodes.map((r: any) => r.id.id)).not.toContain(ids.overdue);
    // The supervisor's own notification of the same case is still open.
    expect((await rowOf(p.supervisor.token, ids.overdue, true)).acknowledged).toBe(false);
    // Again: nothing left to acknowledge.
    expect((await api.ok(ACK, { i: { caseIds: [ids.overdue] } }, p.officers[0].token)).acknowledgeCaseEscalations.acknowledged).toBe(0);
  });

  it('acknowledges a selection at once, also the levels of its subtree addressed to others (supervisor)', async () => {
    const ack = (await api.ok(ACK, { i: { caseIds: [ids.critical, ids.dueSoon], applicationIds: [applicationId] } }, p.supervisor.token))
      .acknowledgeCaseEscalations;
    // critical: WARNING (the officer's), BREACH, CRITICAL; dueSoon: the WARNING (the officer's); the application's BREACH.
    expect(ack.acknowledged).toBe(5);
    expect(ack.cases.map((r: any) => [r.id.id, r.acknowledged])).toEqual([
      [ids.critical, true],
      [ids.dueSoon, true],
    ]);
    expect(ack.applications).toEqual([{ application: { id: applicationId }, acknowledged: true }]);
    const open = (await rows(p.supervisor.token, true)).nodes.map((r: any) => r.id.id);
    expect(open.sort()).toEqual([ids.overdue, ids.otherOfficer, ids.closed].sort());
    // The officer's own WARNING of the critical case is still its to acknowledge; the supervisor's is recorded beside it.
    const officerRow = await rowOf(p.officers[0].token, ids.critical, true);
    expect(officerRow.acknowledged).toBe(false);
    const warning = (await rowOf(p.supervisor.token, ids.critical)).escalations.find((x: any) => x.level === 'WARNING');
    expect(warning.acknowledgements.map((a: any) => a.by.id)).toEqual([p.supervisor.id]);
    // The open count shrinks; the overdue count stays the board's.
    const after = await rows(p.supervisor.token, true);
    expect(after.totalCount).toBe(3);
    expect(after.overdueCount).toBe(3);
  });
});
