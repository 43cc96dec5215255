import { CalendarService, DueDaysService } from '@app/core';
import { CaseStage, stageDeadlines } from '@app/domain';
import { M, addDays, applicant, openCase, vnToday } from '../support/case-fixtures';
import { Province, TestApi } from '../support/test-api';

const SET_DAY = `mutation($d: Date!, $k: CalendarDayKind) { setCalendarDay(day: $d, kind: $k, note: "Nghỉ bù theo thông báo mới") }`;

/**
 * An admin's calendar edit (a newly announced day off, or one taken back) moves the due days already
 * stored: setCalendarDay recomputes, in its transaction, the open cases and pending direct applications
 * whose counting window holds the day, and nothing else; it also writes a RECOMPUTE_DUE_DAYS outbox job,
 * which then finds nothing left to do (and moves the days itself when the row came by another path).
 */
describe('calendar edits move stored due days (RECOMPUTE_DUE_DAYS)', () => {
  let api: TestApi;
  let p: Province;
  let admin: { token: string };
  let caseId: string;
  let farCaseId: string;
  let applicationId: string;
  let day: string;
  const before: Record<string, any> = {};

  const caseDays = async (id: string) =>
    (
      await api.db.query(
        `SELECT to_char(stage_due_on, 'YYYY-MM-DD') AS due, to_char(warning_on, 'YYYY-MM-DD') AS warn, to_char(critical_on, 'YYYY-MM-DD') AS crit,
              to_char(opened_due_on, 'YYYY-MM-DD') AS opened, version FROM founding_case WHERE id = $1`,
        [id],
      )
    )[0];
  const historyDays = async (id: string) =>
    (await api.db.query(`SELECT to_char(stage_due_on, 'YYYY-MM-DD') AS due FROM case_transition WHERE case_id = $1 ORDER BY version`, [id])).map(
      (r: any) => r.due,
    );
  const applicationDue = async (id: string) =>
    (await api.db.query(`SELECT to_char(due_on, 'YYYY-MM-DD') AS due FROM membership_application WHERE id = $1`, [id]))[0].due;
  /** What a stage entered today would get with the calendar as it is now in the table. */
  const expectedSurvey = async () => {
    const calendar = api.app.get(CalendarService);
    calendar.invalidate();
    return stageDeadlines(await calendar.calendar(), CaseStage.SURVEY, vnToday(), calendar.sla);
  };

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
    admin = await api.newAdmin();
    const ref = await openCase(api, p);
    caseId = ref.caseId;
    // A recorded survey: a history row of the current stage entry, carrying the due day.
    await api.ok(M.survey, { i: { caseId, expectedVersion: ref.version, surveyedOn: vnToday(), workerCount: 80, hasUnion: false } }, p.supervisor.token);
    // A case whose whole window ended before the changed day: untouched.
    farCaseId = (await openCase(api, p)).caseId;
    await api.db.query(`UPDATE founding_case SET warning_on = $2, stage_due_on = $3, critical_on = $4, opened_due_on = $3 WHERE id = $1`, [
      farCaseId,
      addDays(vnToday(), -9),
      addDays(vnToday(), -7),
      addDays(vnToday(), -2),
    ]);
    applicationId = (await api.ok(M.apply, { i: applicant({ grassrootsUnionId: p.unitId }) }, p.officers[0].token)).submitApplication.id;

    // The first Monday–Friday working day after today: no calendar entry of its own, inside every window above.
    const calendar = api.app.get(CalendarService);
    const cal = await calendar.calendar();
    day = addDays(vnToday(), 1);
    while (!cal.isWorkingDay(day) || [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) day = addDays(day, 1);
    before.case = await caseDays(caseId);
    before.far = await caseDays(farCaseId);
    before.history = await historyDays(caseId);
    before.application = await applicationDue(applicationId);
    expect(before.case.due).toEqual((await expectedSurvey()).dueOn);
    expect(day <= before.case.due).toBe(true);
  });

  afterAll(async () => {
    await api.db.query(`DELETE FROM calendar_day WHERE day = $1`, [day]);
    api.app.get(CalendarService).invalidate();
    await api.close();
  });

  /** The case's, its history's and the application's days are those of the calendar as it is now; the far case is untouched. */
  async function expectMoved(): Promise<void> {
    const expected = await expectedSurvey();
    const now = await caseDays(caseId);
    expect({ due: now.due, warn: now.warn, crit: now.crit, opened: now.opened }).toEqual({
      due: expected.dueOn,
      warn: expected.warningOn,
      crit: expected.criticalOn,
      opened: expected.dueOn,
    });
    expect(now.due > before.case.due).toBe(true);
    expect(now.version).toBe(before.case.version); // derived data: no version bump, no CONFLICT for the officer
    expect(await historyDays(caseId)).toEqual(before.history.map(() => expected.dueOn));
    expect(await caseDays(farCaseId)).toEqual(before.far);
    expect((await applicationDue(applicationId)) > before.application).toBe(true);
  }

  it('setCalendarDay moves the due days of the windows that hold the day, in its own transaction, and still writes the recompute job', async () => {
    const jobs = async () =>
      (await api.db.query(`SELECT count(*)::int AS n FROM outbox WHERE job_name = 'recompute-due-days' AND payload->>'day' = $1`, [day]))[0].n;
    const jobsBefore = await jobs();
    await api.ok(SET_DAY, { d: day, k: 'DAY_OFF' }, admin.token);
    await expectMoved();
    expect(await jobs()).toBe(jobsBefore + 1);
  });

  it("the worker's job then finds nothing left to change (and again on a duplicate delivery)", async () => {
    const snapshot = [await caseDays(caseId), await historyDays(caseId), await applicationDue(applicationId)];
    expect(await api.app.get(DueDaysService).recompute(day)).toEqual({ cases: 0, applications: 0 });
    expect(await api.app.get(DueDaysService).recompute(day)).toEqual({ cases: 0, applications: 0 });
    expect([await caseDays(caseId), await historyDays(caseId), await applicationDue(applicationId)]).toEqual(snapshot);
  });

  it('taking the day off back restores the original due days', async () => {
    await api.ok(SET_DAY, { d: day, k: null }, admin.token);
    expect(await caseDays(caseId)).toEqual(before.case);
    expect(await historyDays(caseId)).toEqual(before.history);
    expect(await applicationDue(applicationId)).toBe(before.application);
  });

  it("the worker's job alone moves the days of a calendar row written by another path, in batches", async () => {
    await api.db.query(`INSERT INTO calendar_day (day, kind, note) VALUES ($1, 'DAY_OFF', 'Nghỉ bù theo thông báo mới')`, [day]);
    const r = await api.app.get(DueDaysService).recompute(day, 2);
    await expectMoved();
    expect(r.cases).toBeGreaterThanOrEqual(1);
    expect(r.applications).toBeGreaterThanOrEqual(1);
    await api.db.query(`DELETE FROM calendar_day WHERE day = $1`, [day]);
    await api.app.get(DueDaysService).recompute(day);
    expect(await caseDays(caseId)).toEqual(before.case);
    expect(await applicationDue(applicationId)).toBe(before.application);
  });

  it('refuses a malformed day', async () => {
    await expect(api.app.get(DueDaysService).recompute('2026-13-40')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
