import { Workbook } from 'exceljs';
import { CalendarService, MEETING_HEADINGS, ReportBuilderService, SHEET_MEETING, ensureHeadings } from '@app/core';
import { M, Q, addDays, codeOf, errorOf, openCase, vnToday } from '../support/case-fixtures';
import { newCdcs } from '../support/grassroots';
import { RM, heldMeeting, scheduleMeeting } from '../support/review-meetings';
import { Province, TestApi } from '../support/test-api';

/** Review meetings (docs/architecture.md#review-meetings): scheduling, the frozen snapshot, holding once, the change since the previous one, scope. */
jest.setTimeout(120_000);

/** A spending entry of the unit (the plan module's ledger), recorded by its supervisor. */
async function spend(api: TestApi, p: Province, amount: string, voucherNumber: string, spentOn = vnToday()): Promise<void> {
  await ensureHeadings(api.db, p.unitId);
  const [h] = await api.db.query(`SELECT id FROM budget_heading WHERE org_unit_id = $1 ORDER BY position LIMIT 1`, [p.unitId]);
  await api.ok(
    `mutation($i: RecordBudgetEntryInput!) { recordBudgetEntry(input: $i) { entry { id } } }`,
    { i: { orgUnitId: p.unitId, headingId: h.id, spentOn, amount, voucherNumber } },
    p.supervisor.token,
  );
}

describe('review meetings', () => {
  let api: TestApi;
  let a: Province;
  let b: Province;
  let c: Province;
  const today = vnToday();
  const year = Number(today.slice(0, 4));
  /** Province a's meeting held in the snapshot test, with one action item per officer. */
  let frozenId: string;

  const meetingRow = async (id: string) =>
    (await api.db.query(`SELECT status, minutes, snapshot::text AS snapshot, held_at FROM review_meeting WHERE id = $1`, [id]))[0];
  const itemCount = async (id: string) => (await api.db.query(`SELECT count(*)::int AS n FROM review_action_item WHERE meeting_id = $1`, [id]))[0].n;

  beforeAll(async () => {
    api = await TestApi.start();
    a = await api.newProvince(2);
    b = await api.newProvince(1);
    c = await api.newProvince(1);
  });
  afterAll(() => api?.close());

  it("schedules the year's monthly meetings on working days in one step, and a second call adds none", async () => {
    const next = year + 1;
    const made = (await api.ok(RM.monthly, { i: { orgUnitId: a.unitId, year: next, chairId: a.supervisor.id, dayOfMonth: 5 } }, a.supervisor.token))
      .scheduleMonthlyReviewMeetings as { id: string; day: string; status: string }[];
    expect(made).toHaveLength(12);
    expect(new Set(made.map((m) => m.day.slice(0, 7))).size).toBe(12);
    const cal = await api.app.get(CalendarService).calendar();
    for (const m of made) {
      expect(cal.isWorkingDay(m.day)).toBe(true);
      expect(Number(m.day.slice(8))).toBeGreaterThanOrEqual(5);
      expect(m.status).toBe('SCHEDULED');
    }
    const again = await api.ok(RM.monthly, { i: { orgUnitId: a.unitId, year: next, chairId: a.supervisor.id, dayOfMonth: 5 } }, a.supervisor.token);
    expect(again.scheduleMonthlyReviewMeetings).toEqual([]);
    // A cancelled month is scheduled again; the others stay as they were.
    const cancelled = (await api.ok(RM.cancel, { i: { id: made[3].id, reason: 'Trùng lịch hội nghị' } }, a.supervisor.token)).cancelReviewMeeting;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancelReason: 'Trùng lịch hội nghị' });
    const refill = await api.ok(RM.monthly, { i: { orgUnitId: a.unitId, year: next, chairId: a.supervisor.id, rule: 'LAST_WORKING_DAY' } }, a.supervisor.token);
    expect(refill.scheduleMonthlyReviewMeetings.map((m: { day: string }) => m.day.slice(0, 7))).toEqual([made[3].day.slice(0, 7)]);
    const list = (await api.ok(RM.list, { u: a.unitId, y: next }, a.officers[0].token)).reviewMeetings;
    expect(list).toHaveLength(13);
    // Bad input: every bad field at once, nothing made.
    const bad = await api.gql(RM.monthly, { i: { orgUnitId: a.unitId, year: 1999, chairId: b.supervisor.id, dayOfMonth: 40 } }, a.supervisor.token);
    expect(errorOf(bad)).toMatchObject({ code: 'BAD_USER_INPUT', fields: expect.arrayContaining(['year', 'dayOfMonth', 'chairId']) });
  });

  it('freezes the snapshot when held: later transitions and a unit move leave it as it was (a database guard too)', async () => {
    const first = await openCase(api, a);
    const second = await openCase(api, a, { assignee: a.officers[1] });
    frozenId = await scheduleMeeting(api, a, today, 'Giao ban tháng');
    await spend(api, a, '1250000', 'PC-GB-01');
    const items = [
      { what: 'Khảo sát lại Công ty May Thái Bình', assigneeId: a.officers[0].id, dueOn: addDays(today, 10) },
      { what: 'Vận động thành lập ban vận động', assigneeId: a.officers[1].id, dueOn: addDays(today, 20) },
    ];
    const held = (await api.ok(RM.hold, { i: { id: frozenId, minutes: '  Biên bản: rà soát tiến độ quý IV.  ', actionItems: items } }, a.supervisor.token))
      .holdReviewMeeting;
    expect(held).toMatchObject({ status: 'HELD', minutes: 'Biên bản: rà soát tiến độ quý IV.' });
    expect(held.snapshot).toMatchObject({ asOf: today, openCases: 2, budgetSpent: '1250000' });
    expect(held.snapshot.stages.find((s: { stage: string }) => s.stage === 'SURVEY').count).toBe(2);
    const o1 = held.snapshot.officers.find((o: { officerId: string }) => o.officerId === a.officers[0].id);
    expect(o1).toMatchObject({ openCases: 1, cases: 1 });
    expect(o1.stages.find((s: { stage: string }) => s.stage === 'SURVEY').count).toBe(1);
    expect(held.actionItems.map((i: { what: string; status: string }) => [i.what, i.status])).toEqual(items.map((i) => [i.what, 'OPEN']));
    const before = (await api.ok(RM.get, { id: frozenId }, a.supervisor.token)).reviewMeeting.snapshot;
    const stored = (await meetingRow(frozenId)).snapshot;

    // Later: more spending, one case closed (a transition), the other moved to another unit (standing in for a unit move).
    await spend(api, a, '500000', 'PC-GB-02');
    await api.ok(
      M.close,
      { i: { caseId: first.caseId, expectedVersion: first.version, reason: 'OTHER', comment: 'Doanh nghiệp giải thể' } },
      a.supervisor.token,
    );
    // (no write path moves a case: the guard trigger is set aside for this one statement, in a transaction of its own)
    await api.db.transaction(async (m) => {
      await m.query(`ALTER TABLE founding_case DISABLE TRIGGER "TRG_founding_case_fixed_columns"`);
      await m.query(`UPDATE founding_case SET org_unit_id = $2 WHERE id = $1`, [second.caseId, b.unitId]);
      await m.query(`ALTER TABLE founding_case ENABLE TRIGGER "TRG_founding_case_fixed_columns"`);
    });
    const live = (await api.ok(Q.pipeline, { u: a.unitId, y: year }, a.supervisor.token)).pipeline;
    expect(live.stages.find((s: { stage: string }) => s.stage === 'SURVEY').count).toBe(0);

    const after = (await api.ok(RM.get, { id: frozenId }, a.supervisor.token)).reviewMeeting.snapshot;
    expect(after).toEqual(before);
    expect((await meetingRow(frozenId)).snapshot).toBe(stored);

    // The database itself refuses to change or delete a held meeting, or an item's what, who and when.
    await expect(api.db.query(`UPDATE review_meeting SET snapshot = '{}'::jsonb WHERE id = $1`, [frozenId])).rejects.toThrow(/held/);
    await expect(api.db.query(`UPDATE review_meeting SET minutes = 'sửa' WHERE id = $1`, [frozenId])).rejects.toThrow(/held/);
    await expect(api.db.query(`DELETE FROM review_meeting WHERE id = $1`, [frozenId])).rejects.toThrow(/held/);
    await expect(api.db.query(`UPDATE review_action_item SET due_on = due_on + 1 WHERE meeting_id = $1`, [frozenId])).rejects.toThrow(/only its status/);
    expect((await meetingRow(frozenId)).snapshot).toBe(stored);
  });

  it('holds a meeting once: twice at the same moment, or again later, answers CONFLICT and changes nothing', async () => {
    const id = await scheduleMeeting(api, a, addDays(today, -1));
    const input = (minutes: string, n: number) => ({
      i: { id, minutes, actionItems: Array.from({ length: n }, (_, k) => ({ what: `Việc ${k + 1}`, assigneeId: a.officers[0].id, dueOn: addDays(today, 5) })) },
    });
    const [one, two] = await Promise.all([
      api.gql(RM.hold, input('Biên bản A', 1), a.supervisor.token),
      api.gql(RM.hold, input('Biên bản B', 2), a.supervisor.token),
    ]);
    const codes = [codeOf(one), codeOf(two)];
    expect(codes.filter((x) => x === undefined)).toHaveLength(1);
    expect(codes.filter((x) => x === 'CONFLICT')).toHaveLength(1);
    const winner = codeOf(one) === undefined ? one : two;
    const row = await meetingRow(id);
    expect(row.minutes).toBe(winner.data.holdReviewMeeting.minutes);
    expect(await itemCount(id)).toBe(winner.data.holdReviewMeeting.actionItems.length);

    const again = await api.gql(RM.hold, input('Biên bản C', 3), a.supervisor.token);
    expect(errorOf(again)).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_HELD' });
    expect(again.errors![0].message).toMatch(/đã họp và chốt số liệu/);
    expect(await meetingRow(id)).toEqual(row);
    expect(await itemCount(id)).toBe(winner.data.holdReviewMeeting.actionItems.length);
    // A held meeting cannot be cancelled either.
    expect(codeOf(await api.gql(RM.cancel, { i: { id } }, a.supervisor.token))).toBe('CONFLICT');
  });

  it('refuses bad minutes and action items all at once, and a meeting before its day, holding nothing', async () => {
    const id = await scheduleMeeting(api, a, addDays(today, -3));
    const bad = await api.gql(
      RM.hold,
      {
        i: {
          id,
          minutes: '   ',
          actionItems: [
            { what: ' ', assigneeId: b.officers[0].id, dueOn: addDays(today, -30) },
            { what: 'Đúng', assigneeId: a.officers[0].id, dueOn: addDays(today, 800) },
          ],
        },
      },
      a.supervisor.token,
    );
    expect(errorOf(bad)).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: expect.arrayContaining(['minutes', 'actionItems.0.what', 'actionItems.0.assigneeId', 'actionItems.0.dueOn', 'actionItems.1.dueOn']),
    });
    expect(await meetingRow(id)).toMatchObject({ status: 'SCHEDULED', minutes: null, snapshot: null });
    const future = await scheduleMeeting(api, a, addDays(today, 7));
    const early = await api.gql(RM.hold, { i: { id: future, minutes: 'Họp sớm', actionItems: [] } }, a.supervisor.token);
    expect(errorOf(early).code).toBe('TRANSITION_NOT_ALLOWED');
    expect((await meetingRow(future)).status).toBe('SCHEDULED');
    // One meeting a day per unit.
    expect(
      errorOf(await api.gql(RM.schedule, { i: { orgUnitId: a.unitId, day: addDays(today, 7), chairId: a.supervisor.id } }, a.supervisor.token)),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'DAY_TAKEN',
    });
  });

  it('shows the change since the previous held meeting, from the two frozen snapshots', async () => {
    const first = await heldMeeting(api, c, addDays(today, -20));
    await openCase(api, c);
    await openCase(api, c);
    await spend(api, c, '2000000', 'PC-GB-03');
    const second = await heldMeeting(api, c, today, [
      { what: 'Hoàn thiện hồ sơ khảo sát hai doanh nghiệp', assigneeId: c.officers[0].id, dueOn: addDays(today, 14) },
    ]);
    const m = (await api.ok(RM.get, { id: second }, c.supervisor.token)).reviewMeeting;
    expect(m.previous.id).toBe(first);
    expect(m.previous.snapshot.openCases).toBe(0);
    expect(m.snapshot.openCases).toBe(2);
    const row = (officerId: string | null, indicator: string) =>
      m.changeSincePrevious.find((r: { officerId: string | null; indicator: string }) => r.officerId === officerId && r.indicator === indicator);
    expect(row(null, 'openCases')).toMatchObject({ previous: '0', current: '2', change: '2', kind: 'COUNT', label: 'Hồ sơ đang mở' });
    expect(row(null, 'newMembersYearToDate')).toMatchObject({ change: '0' });
    expect(row(c.officers[0].id, 'openCases')).toMatchObject({ previous: '0', current: '2', change: '2' });
    expect(row(null, 'budgetSpent')).toMatchObject({ previous: '0', current: '2000000', change: '2000000', kind: 'MONEY' });
    const firstView = (await api.ok(RM.get, { id: first }, c.supervisor.token)).reviewMeeting;
    expect(firstView.previous).toBeNull();
    expect(firstView.changeSincePrevious.every((r: { previous: string | null }) => r.previous === null)).toBe(true);
  });

  it("puts the last held meeting's action items in the period report, with Vietnamese headings", async () => {
    const { id } = (
      await api.ok(
        `mutation($i: ReportInput!) { requestReport(input: $i) { id } }`,
        { i: { orgUnitId: c.unitId, periodKind: 'MONTH', periodStart: `${today.slice(0, 8)}01` } },
        c.supervisor.token,
      )
    ).requestReport;
    await api.app.get(ReportBuilderService).build(id);
    const [{ xlsx }] = await api.db.query(`SELECT xlsx FROM report WHERE id = $1`, [id]);
    const wb = new Workbook();
    await wb.xlsx.load(xlsx);
    const ws = wb.getWorksheet(SHEET_MEETING)!;
    expect(ws).toBeDefined();
    const values = (r: number) => (ws.getRow(r).values as unknown[]).slice(1);
    expect(values(5)).toEqual(MEETING_HEADINGS);
    expect(MEETING_HEADINGS).toEqual(['STT', 'Việc cần làm', 'Người thực hiện', 'Hạn hoàn thành', 'Tình trạng']);
    expect(String(values(4)[0])).toContain(`Cuộc giao ban ngày ${today.split('-').reverse().join('/')}`);
    expect(values(6).slice(0, 3)).toEqual([1, 'Hoàn thiện hồ sơ khảo sát hai doanh nghiệp', `officer1 ${c.tag}`]);
    expect(String(values(6)[4])).toMatch(/^Chưa hoàn thành — Trong hạn/);
  });

  it('keeps each role to its scope: OFFICER reads its unit, SUPERVISOR writes within its subtree, GRASSROOTS nothing', async () => {
    const officer = a.officers[0];
    expect((await api.ok(RM.get, { id: frozenId }, officer.token)).reviewMeeting.id).toBe(frozenId);
    expect((await api.ok(RM.list, { u: a.unitId, y: year }, officer.token)).reviewMeetings.length).toBeGreaterThan(0);
    expect(codeOf(await api.gql(RM.get, { id: frozenId }, b.officers[0].token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(RM.list, { u: a.unitId, y: year }, b.supervisor.token))).toBe('NOT_FOUND');
    // The federation's supervisor sees its subtree.
    expect((await api.ok(RM.get, { id: frozenId }, a.federationSupervisor.token)).reviewMeeting.id).toBe(frozenId);
    // Writes: officers none; supervisors of another province see nothing to write.
    const day = addDays(today, 45);
    const count = async () => (await api.db.query(`SELECT count(*)::int AS n FROM review_meeting WHERE org_unit_id = $1`, [a.unitId]))[0].n;
    const meetings = await count();
    expect(codeOf(await api.gql(RM.schedule, { i: { orgUnitId: a.unitId, day, chairId: a.supervisor.id } }, officer.token))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(RM.schedule, { i: { orgUnitId: a.unitId, day, chairId: b.supervisor.id } }, b.supervisor.token))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(RM.hold, { i: { id: frozenId, minutes: 'x', actionItems: [] } }, b.supervisor.token))).toBe('NOT_FOUND');
    const cdcs = await newCdcs(api, a);
    expect(codeOf(await api.gql(RM.list, { u: cdcs.id, y: year }, cdcs.chair.token))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(RM.get, { id: frozenId }, cdcs.chair.token))).toBe('FORBIDDEN');
    expect(await count()).toBe(meetings);

    // Action items: the assignee marks its own done; another officer may not; another province sees nothing.
    const items = (await api.ok(RM.get, { id: frozenId }, officer.token)).reviewMeeting.actionItems;
    const mine = items.find((i: { assigneeId: string }) => i.assigneeId === officer.id);
    expect(codeOf(await api.gql(RM.complete, { id: mine.id }, a.officers[1].token))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(RM.complete, { id: mine.id }, b.supervisor.token))).toBe('NOT_FOUND');
    expect((await api.ok(RM.complete, { id: mine.id }, officer.token)).completeActionItem).toMatchObject({
      status: 'DONE',
      lateness: { label: 'Đã hoàn thành' },
    });
    const other = items.find((i: { assigneeId: string }) => i.assigneeId === a.officers[1].id);
    expect((await api.ok(RM.complete, { id: other.id }, a.supervisor.token)).completeActionItem.status).toBe('DONE');
  });
});
