import { CalendarService } from '@app/core';
import { CaseStage, stageDeadlines } from '@app/domain';
import { addDays, codeOf, errorOf, openCase, vnToday } from '../support/case-fixtures';
import { Province, TestApi } from '../support/test-api';

const CHANGE = `day previous { day kind note document } current { day kind note document }
  movedCaseCount movedApplicationCount movedCases { before after case { id stageDueOn enterprise { name } } }`;
const SAVE = `mutation($i: CalendarDayInput!) { saveCalendarDay(input: $i) { ${CHANGE} } }`;
const REMOVE = `mutation($d: Date!) { removeCalendarDay(day: $d) { ${CHANGE} } }`;
const DAYS = `query($y: Int!) { calendarDays(year: $y) { day kind note document } }`;

const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();

/**
 * The calendar page's API (docs/architecture.md#the-working-day-calendar-and-due-days): ADMINs add,
 * change and remove a day with a note and its announcing document; the answer lists the open cases
 * whose due day moved (before → after), written in the same transaction; bad input is refused with
 * every rule at once, in Vietnamese, and changes nothing; the bundled years carry their sources.
 */
describe('calendar edits (saveCalendarDay, removeCalendarDay)', () => {
  let api: TestApi;
  let p: Province;
  let admin: { token: string };
  let day: string;
  const cases: string[] = [];
  const originalDue: Record<string, string> = {};
  const thisYear = Number(vnToday().slice(0, 4));

  const dueOf = async (id: string): Promise<string> =>
    (await api.db.query(`SELECT to_char(stage_due_on, 'YYYY-MM-DD') AS due FROM founding_case WHERE id = $1`, [id]))[0].due;
  /** Everything a refused edit could have touched. */
  const fingerprint = async () =>
    (
      await api.db.query(`SELECT md5(concat_ws('|',
        (SELECT string_agg(d::text, ',' ORDER BY d.day) FROM calendar_day d),
        (SELECT string_agg(concat_ws(':', c.id, c.stage_due_on, c.warning_on, c.critical_on), ',' ORDER BY c.id) FROM founding_case c WHERE c.stage_due_on IS NOT NULL),
        (SELECT count(*) FROM outbox))) AS fp`)
    )[0].fp;

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
    admin = await api.newAdmin();
    for (let i = 0; i < 2; i++) cases.push((await openCase(api, p, { name: `Công ty Lịch Nghỉ ${i} ${p.tag}` })).caseId);
    for (const id of cases) originalDue[id] = await dueOf(id);
    // The first Monday–Friday working day after today with no entry of its own: inside the new cases' windows.
    const cal = await api.app.get(CalendarService).calendar();
    day = addDays(vnToday(), 1);
    while (!cal.isWorkingDay(day) || [0, 6].includes(weekday(day))) day = addDays(day, 1);
  });

  afterAll(async () => {
    await api.db.query(`DELETE FROM calendar_day WHERE day = $1 OR note LIKE 'Kiểm thử lịch%'`, [day]);
    api.app.get(CalendarService).invalidate();
    await api.close();
  });

  it('labels the bundled days by what they are and the document that announced them, never "seed"', async () => {
    for (const year of [2024, 2025, 2026]) {
      const days = (await api.ok(DAYS, { y: year }, admin.token)).calendarDays;
      expect(days.length).toBeGreaterThan(10);
      for (const d of days) {
        expect(d.note).not.toMatch(/seed/i);
        expect(d.note).toBeTruthy();
        expect(d.document).toBeTruthy();
      }
    }
    const d2025 = (await api.ok(DAYS, { y: 2025 }, admin.token)).calendarDays;
    expect(d2025.find((d: any) => d.day === '2025-01-27')).toEqual({
      day: '2025-01-27',
      kind: 'DAY_OFF',
      note: 'Tết Nguyên đán Ất Tỵ',
      document: 'Thông báo 6150/TB-BLĐTBXH',
    });
    expect(d2025.find((d: any) => d.day === '2025-04-26')).toMatchObject({ kind: 'MAKE_UP_WORKING_DAY', document: 'Thông báo 6150/TB-BLĐTBXH' });
    const years = (await api.ok(`{ calendarYears }`, {}, p.officers[0].token)).calendarYears;
    expect(years[0]).toBe(2024);
    expect(years[years.length - 1]).toBe(thisYear + 2);
  });

  it('is for ADMINs only: a supervisor and an officer are refused and nothing changes', async () => {
    const fp = await fingerprint();
    const input = { day, kind: 'DAY_OFF', note: 'Nghỉ đột xuất', document: null };
    for (const token of [p.supervisor.token, p.officers[0].token]) {
      expect(codeOf(await api.gql(SAVE, { i: input }, token))).toBe('FORBIDDEN');
      expect(codeOf(await api.gql(REMOVE, { d: '2025-01-27' }, token))).toBe('FORBIDDEN');
    }
    expect(await fingerprint()).toBe(fp);
  });

  it('refuses bad input with every rule at once, in Vietnamese, and changes nothing', async () => {
    const fp = await fingerprint();
    // A Saturday of a year past the supported ones, as a day off, with a note and a document too long.
    let saturday = `${thisYear + 3}-06-01`;
    while (weekday(saturday) !== 6) saturday = addDays(saturday, 1);
    const all = errorOf(await api.gql(SAVE, { i: { day: saturday, kind: 'DAY_OFF', note: 'x'.repeat(201), document: 'y'.repeat(121) } }, admin.token));
    expect(all.code).toBe('BAD_USER_INPUT');
    expect(all.fields).toEqual(['day', 'kind', 'note', 'document']);
    expect(all.messages).toEqual({
      day: `Chỉ nhập được ngày của các năm từ 2024 đến ${thisYear + 2}`,
      kind: `${saturday.slice(8)}/${saturday.slice(5, 7)}/${saturday.slice(0, 4)} là Thứ Bảy, vốn đã là ngày nghỉ: ngày nghỉ lễ, Tết phải là ngày từ thứ Hai đến thứ Sáu`,
      note: 'Ghi chú không được dài quá 200 ký tự',
      document: 'Số hiệu văn bản không được dài quá 120 ký tự',
    });
    // A make-up working day on a weekday, without a note.
    const makeUp = errorOf(await api.gql(SAVE, { i: { day, kind: 'MAKE_UP_WORKING_DAY', note: '  ' } }, admin.token));
    expect(makeUp.fields).toEqual(['kind', 'note']);
    expect(makeUp.messages.kind).toMatch(/ngày làm bù phải là thứ Bảy hoặc Chủ nhật$/);
    // Removing a day that is not in the calendar.
    const missing = errorOf(await api.gql(REMOVE, { d: day }, admin.token));
    expect(missing.fields).toEqual(['day']);
    expect(missing.messages.day).toMatch(/không có trong lịch/);
    expect(await fingerprint()).toBe(fp);
  });

  it('adds a day off and answers which open cases moved, before → after, as stored', async () => {
    const r = (await api.ok(SAVE, { i: { day, kind: 'DAY_OFF', note: 'Kiểm thử lịch: nghỉ đột xuất', document: 'Thông báo 1/TB-KT' } }, admin.token))
      .saveCalendarDay;
    expect(r.previous).toBeNull();
    expect(r.current).toEqual({ day, kind: 'DAY_OFF', note: 'Kiểm thử lịch: nghỉ đột xuất', document: 'Thông báo 1/TB-KT' });
    const calendar = api.app.get(CalendarService);
    calendar.invalidate();
    const expected = stageDeadlines(await calendar.calendar(), CaseStage.SURVEY, vnToday(), calendar.sla).dueOn;
    for (const id of cases) {
      const moved = r.movedCases.find((m: any) => m.case.id === id);
      expect(moved).toEqual({
        before: originalDue[id],
        after: expected,
        case: { id, stageDueOn: expected, enterprise: { name: expect.stringContaining(p.tag) } },
      });
      expect(await dueOf(id)).toBe(expected);
    }
    expect(expected > originalDue[cases[0]]).toBe(true);
    // Every case listed moved as it says, ordered by the new due day; the count covers them all.
    expect(r.movedCaseCount).toBeGreaterThanOrEqual(r.movedCases.length);
    for (const m of r.movedCases) {
      expect(m.before).not.toBe(m.after);
      expect(m.case.stageDueOn).toBe(m.after);
    }
    expect(r.movedCases.map((m: any) => m.after)).toEqual([...r.movedCases.map((m: any) => m.after)].sort());
  });

  it('changing only the note or the document moves nothing', async () => {
    const due = await dueOf(cases[0]);
    const r = (await api.ok(SAVE, { i: { day, kind: 'DAY_OFF', note: 'Kiểm thử lịch: nghỉ theo thông báo', document: 'Thông báo 2/TB-KT' } }, admin.token))
      .saveCalendarDay;
    expect(r.previous).toMatchObject({ note: 'Kiểm thử lịch: nghỉ đột xuất', document: 'Thông báo 1/TB-KT' });
    expect(r.movedCaseCount).toBe(0);
    expect(r.movedCases).toEqual([]);
    expect(await dueOf(cases[0])).toBe(due);
  });

  it('removing the day moves the due days back and says so', async () => {
    const now = await dueOf(cases[0]);
    const r = (await api.ok(REMOVE, { d: day }, admin.token)).removeCalendarDay;
    expect(r.current).toBeNull();
    expect(r.previous).toMatchObject({ day, kind: 'DAY_OFF' });
    for (const id of cases) {
      expect(r.movedCases.find((m: any) => m.case.id === id)).toMatchObject({ before: now, after: originalDue[id] });
      expect(await dueOf(id)).toBe(originalDue[id]);
    }
  });

  it('keeps the older setCalendarDay working, with the announcing document as a new optional argument', async () => {
    let saturday = addDays(day, 1);
    while (weekday(saturday) !== 6) saturday = addDays(saturday, 1);
    const set = `mutation($d: Date!, $k: CalendarDayKind, $n: String, $doc: String) { setCalendarDay(day: $d, kind: $k, note: $n, document: $doc) }`;
    expect(
      (await api.ok(set, { d: saturday, k: 'MAKE_UP_WORKING_DAY', n: 'Kiểm thử lịch: làm bù', doc: 'Thông báo 3/TB-KT' }, admin.token)).setCalendarDay,
    ).toBe(true);
    const days = (await api.ok(DAYS, { y: Number(saturday.slice(0, 4)) }, admin.token)).calendarDays;
    expect(days.find((d: any) => d.day === saturday)).toEqual({
      day: saturday,
      kind: 'MAKE_UP_WORKING_DAY',
      note: 'Kiểm thử lịch: làm bù',
      document: 'Thông báo 3/TB-KT',
    });
    expect((await api.ok(set, { d: saturday, k: null }, admin.token)).setCalendarDay).toBe(true);
    expect(codeOf(await api.gql(set, { d: saturday, k: 'DAY_OFF' }, admin.token))).toBe('BAD_USER_INPUT');
  });
});
