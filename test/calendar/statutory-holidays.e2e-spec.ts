import { Logger } from '@nestjs/common';
import { CalendarService, PeriodCloseService, ReportBuilderService } from '@app/core';
import { CaseStage, WorkingCalendar, calendarFromRows, stageDeadlines, statutoryDaysOff } from '@app/domain';
import { SchedulePeriodReportsHandler } from '../../apps/worker/src/handlers';
import { codeOf, errorOf, openCase } from '../support/case-fixtures';
import { holdCalendarYear, spareCalendarYear } from '../support/calendar-year';
import { Province, TestApi } from '../support/test-api';

const SAVE_DAYS = `mutation($i: CalendarDaysInput!) { saveCalendarDays(input: $i) {
  changedDayCount movedCaseCount movedApplicationCount days { day previous { kind note } current { kind note document } }
  movedCases { before after case { id stageDueOn } } } }`;
const WARNINGS = `{ calendarWarnings { year holdsDueDays message } }`;

/**
 * A later year's calendar (docs/architecture.md#the-working-day-calendar-and-due-days): while a year the due days
 * reach has no days off, the API warns (calendarWarnings) and the worker's daily run logs it; the Labour Code's
 * holidays generated for that year (statutoryDaysOff) and saved in one batch (saveCalendarDays) move the due
 * day of an open case across New Year by exactly the days off added, in the same transaction, and saving the
 * same days again changes nothing.
 */
describe('the Labour Code holidays of a later year (saveCalendarDays, calendarWarnings)', () => {
  let api: TestApi;
  let p: Province;
  let admin: { token: string };
  let caseId: string;
  let calendar: CalendarService;
  // The year after next: see spareCalendarYear (next year's days off would move other suites' due days meanwhile).
  const { thisYear, year } = spareCalendarYear();
  let release: (() => Promise<void>) | undefined;
  /** A stage entered on 20 December: its 20 working days run across New Year. */
  const entered = `${year - 1}-12-20`;
  const days = statutoryDaysOff(year).map((d) => ({ day: d.day, kind: 'DAY_OFF', note: d.note, document: d.document }));

  const caseDays = async () =>
    (
      await api.db.query(
        `SELECT to_char(stage_due_on, 'YYYY-MM-DD') AS due, to_char(warning_on, 'YYYY-MM-DD') AS warn, to_char(critical_on, 'YYYY-MM-DD') AS crit
           FROM founding_case WHERE id = $1`,
        [caseId],
      )
    )[0];
  const tableCalendar = async (): Promise<WorkingCalendar> =>
    calendarFromRows(await api.db.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, kind FROM calendar_day`));
  const fingerprint = async () =>
    (
      await api.db.query(`SELECT md5(concat_ws('|',
        (SELECT string_agg(d::text, ',' ORDER BY d.day) FROM calendar_day d),
        (SELECT string_agg(concat_ws(':', c.id, c.stage_due_on, c.warning_on, c.critical_on), ',' ORDER BY c.id) FROM founding_case c WHERE c.stage_due_on IS NOT NULL),
        (SELECT count(*) FROM outbox))) AS fp`)
    )[0].fp;
  const outboxRows = async () =>
    (await api.db.query(`SELECT count(*)::int AS n FROM outbox WHERE job_name = 'recompute-due-days' AND payload->>'day' = $1`, [days[0].day]))[0].n;

  beforeAll(async () => {
    api = await TestApi.start();
    release = await holdCalendarYear(api, year);
    calendar = api.app.get(CalendarService);
    p = await api.newProvince(1);
    admin = await api.newAdmin();
    await api.db.query(`DELETE FROM calendar_day WHERE extract(year FROM day) = $1`, [year]);
    caseId = (await openCase(api, p)).caseId;
    // Put the case in OUTREACH entered on 20 December of the year before, its days counted with the calendar as it is (no days off that year).
    const d = stageDeadlines(await tableCalendar(), CaseStage.OUTREACH, entered, calendar.sla);
    await api.db.query(
      `UPDATE founding_case SET stage = 'OUTREACH', stage_entry = stage_entry + 1, stage_entered_at = $2::date + time '10:00' - interval '7 hours',
              stage_due_on = $3, warning_on = $4, critical_on = $5 WHERE id = $1`,
      [caseId, entered, d.dueOn, d.warningOn, d.criticalOn],
    );
    calendar.invalidate();
  });

  afterAll(async () => {
    await api.db.query(`DELETE FROM calendar_day WHERE extract(year FROM day) = $1`, [year]);
    calendar.invalidate();
    await release?.();
    await api.close();
  });

  it('warns while a later year, which holds an open case’s due days, has no days off', async () => {
    expect((await caseDays()).crit.startsWith(String(year))).toBe(true);
    const warnings = (await api.ok(WARNINGS, {}, p.officers[0].token)).calendarWarnings;
    expect(warnings).toContainEqual({
      year,
      holdsDueDays: true,
      message: `Lịch ngày làm việc năm ${year} chưa có ngày nghỉ lễ: hạn xử lý có thể bị tính sai`,
    });
    expect(warnings.map((w: any) => w.year)).not.toContain(thisYear);
  });

  it('the worker’s daily run logs one warning naming the year', async () => {
    const handler = new SchedulePeriodReportsHandler(api.app.get(ReportBuilderService), api.app.get(PeriodCloseService), calendar);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      expect(await handler.warnOfMissingCalendarYears()).toContain(year);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toMatch(new RegExp(`no days off for (\\d{4} \\(holds stored due days\\), )*${year} \\(holds stored due days\\)`));
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses a batch with a bad day, naming it by its place, and writes none of the others', async () => {
    const fp = await fingerprint();
    const saturday = statutoryDaysOff(year).find((d) => d.compensates)!.compensates!;
    const bad = [...days.slice(0, 2), { day: saturday, kind: 'DAY_OFF', note: '', document: null }];
    const e = errorOf(await api.gql(SAVE_DAYS, { i: { days: bad } }, admin.token));
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.fields).toEqual(['days.2.kind', 'days.2.note']);
    expect(e.messages['days.2.kind']).toMatch(/^Ngày \d\d\/\d\d\/\d{4}: .* vốn đã là ngày nghỉ/);
    expect(codeOf(await api.gql(SAVE_DAYS, { i: { days } }, p.supervisor.token))).toBe('FORBIDDEN');
    expect(await fingerprint()).toBe(fp);
  });

  it('saving the generated days moves the due day across New Year by exactly the days off added, in one transaction', async () => {
    const before = await caseDays();
    const oldCal = await tableCalendar();
    const r = (await api.ok(SAVE_DAYS, { i: { days } }, admin.token)).saveCalendarDays;
    expect(r.changedDayCount).toBe(days.length);
    expect(r.days.map((d: any) => d.day)).toEqual(days.map((d) => d.day));
    // New Year's day off: 1 January, or the working day after it when it falls on a weekend (Article 111 clause 3).
    expect(r.days[0]).toEqual({ day: days[0].day, previous: null, current: { kind: 'DAY_OFF', note: days[0].note, document: days[0].document } });
    expect(days[0].day.startsWith(`${year}-01-0`) && /Tết Dương lịch/.test(days[0].note)).toBe(true);

    const after = await caseDays();
    const newCal = await tableCalendar();
    expect(after).toEqual({
      due: stageDeadlines(newCal, CaseStage.OUTREACH, entered, calendar.sla).dueOn,
      warn: stageDeadlines(newCal, CaseStage.OUTREACH, entered, calendar.sla).warningOn,
      crit: stageDeadlines(newCal, CaseStage.OUTREACH, entered, calendar.sla).criticalOn,
    });
    // Moved by the days off added inside its window: counted with the old calendar, that many working days later.
    const added = days.filter((d) => d.day > entered && d.day <= after.due).length;
    expect(added).toBeGreaterThanOrEqual(1);
    expect(oldCal.workingDaysBetween(before.due, after.due)).toBe(added);
    expect(r.movedCases.find((m: any) => m.case.id === caseId)).toEqual({ before: before.due, after: after.due, case: { id: caseId, stageDueOn: after.due } });
    // One recompute and one safety-net job for the whole batch, spanning its days.
    const [job] = await api.db.query(`SELECT payload FROM outbox WHERE job_name = 'recompute-due-days' AND payload->>'day' = $1`, [days[0].day]);
    expect(job.payload).toEqual({ day: days[0].day, until: days[days.length - 1].day });

    calendar.invalidate();
    expect((await api.ok(WARNINGS, {}, p.officers[0].token)).calendarWarnings.map((w: any) => w.year)).not.toContain(year);
  });

  it('saving the same days again changes nothing', async () => {
    const fp = await fingerprint();
    const jobs = await outboxRows();
    const r = (await api.ok(SAVE_DAYS, { i: { days } }, admin.token)).saveCalendarDays;
    expect(r).toMatchObject({ changedDayCount: 0, movedCaseCount: 0, movedCases: [], movedApplicationCount: 0 });
    for (const d of r.days) expect(d.previous).toEqual({ kind: 'DAY_OFF', note: d.current.note });
    expect(await outboxRows()).toBe(jobs);
    expect(await fingerprint()).toBe(fp);
  });
});
