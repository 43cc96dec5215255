import { EscalationsService, RAISE_ACTION_ITEMS_SQL } from '@app/core';
import { addDays } from '../support/case-fixtures';
import { RM, heldMeeting } from '../support/review-meetings';
import { Province, TestApi } from '../support/test-api';

/**
 * Action items of review meetings in the escalation sweep (docs/architecture.md#review-meetings): WARNING to the assignee,
 * BREACH to the meeting unit's supervisors, CRITICAL to them and the parent unit's, each level once per item however
 * often, and however many at once, the sweep runs; a done item is left alone.
 */
jest.setTimeout(120_000);

describe('review meetings: action items in the escalation sweep', () => {
  let api: TestApi;
  let p: Province;
  let meetingId: string;
  let items: { id: string; what: string; warningOn: string; dueOn: string; criticalOn: string; assigneeId: string }[];

  /** The levels raised for an item, with who was notified. */
  const raised = async (itemId: string) =>
    api.db.query(
      `SELECT x.level, array_agg(n.user_id::text ORDER BY n.user_id::text) AS users FROM escalation x LEFT JOIN notification n ON n.escalation_id = x.id
        WHERE x.action_item_id = $1 GROUP BY x.level ORDER BY x.level`,
      [itemId],
    );
  const sweep = (day: string) => api.app.get(EscalationsService).sweep(day);
  const sorted = (...ids: string[]) => [...ids].sort();

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(2);
    // A Monday long past; two items due two weeks later, one far on (untouched by the first sweeps).
    meetingId = await heldMeeting(api, p, '2026-11-02', [
      { what: 'Báo cáo kết quả khảo sát khu công nghiệp', assigneeId: p.officers[0].id, dueOn: '2026-11-16' },
      { what: 'Hoàn thiện hồ sơ đề nghị công nhận', assigneeId: p.officers[1].id, dueOn: '2026-11-16' },
      { what: 'Rà soát danh sách doanh nghiệp', assigneeId: p.officers[1].id, dueOn: '2027-03-01' },
    ]);
    items = (await api.ok(RM.get, { id: meetingId }, p.supervisor.token)).reviewMeeting.actionItems;
    // The second item is done before any sweep.
    await api.ok(RM.complete, { id: items[1].id }, p.officers[1].token);
  });
  afterAll(() => api?.close());

  it('keeps the days like a stage: warning before the due day, critical after it', () => {
    const [first] = items;
    expect(first.dueOn).toBe('2026-11-16');
    expect(first.warningOn < first.dueOn && first.dueOn < first.criticalOn).toBe(true);
    // 10 working days: warning after 8 (Thursday 12/11), critical after 15 (Monday 23/11).
    expect([first.warningOn, first.criticalOn]).toEqual(['2026-11-12', '2026-11-23']);
  });

  it('raises WARNING to the assignee, BREACH to the supervisors, CRITICAL to them and the parent unit, each once', async () => {
    const [first, done] = items;
    await sweep(first.warningOn);
    expect(await raised(first.id)).toEqual([]);
    await sweep(addDays(first.warningOn, 1));
    await sweep(addDays(first.warningOn, 1));
    expect(await raised(first.id)).toEqual([{ level: 'WARNING', users: [p.officers[0].id] }]);
    await sweep(addDays(first.dueOn, 1));
    expect((await raised(first.id)).map((r: { level: string }) => r.level)).toEqual(['BREACH', 'WARNING']);
    // Two sweeps at once (two workers): one runs, the other finds the lock taken; the level is raised once.
    const both = await Promise.all([sweep(addDays(first.criticalOn, 1)), sweep(addDays(first.criticalOn, 1))]);
    expect(both.filter((r) => r.ran).length).toBeGreaterThanOrEqual(1);
    await sweep(addDays(first.criticalOn, 5));
    expect(await raised(first.id)).toEqual([
      { level: 'BREACH', users: [p.supervisor.id] },
      { level: 'CRITICAL', users: sorted(p.supervisor.id, p.federationSupervisor.id) },
      { level: 'WARNING', users: [p.officers[0].id] },
    ]);
    expect(await raised(done.id)).toEqual([]);
    const page = (await api.ok(RM.get, { id: meetingId }, p.supervisor.token)).reviewMeeting.actionItems;
    expect(page[0]).toMatchObject({ escalationLevel: 'CRITICAL', status: 'OPEN' });
    expect(page[1]).toMatchObject({ escalationLevel: null, status: 'DONE' });
  });

  it('raises each level once when two statements race past the lock (the unique key)', async () => {
    const third = items[2];
    expect(await raised(third.id)).toEqual([]);
    const day = addDays(third.criticalOn, 1);
    const run = () =>
      api.db.transaction(async (m) => {
        const params: unknown[] = [day];
        return m.query(RAISE_ACTION_ITEMS_SQL(false, params), params);
      });
    await Promise.all([run(), run(), run()]);
    const levels = await raised(third.id);
    expect(levels.map((r: { level: string }) => r.level)).toEqual(['BREACH', 'CRITICAL', 'WARNING']);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM notification n JOIN escalation x ON x.id = n.escalation_id WHERE x.action_item_id = $1`,
      [third.id],
    );
    // WARNING to the assignee, BREACH to the supervisor, CRITICAL to the supervisor and the federation's.
    expect(n).toBe(4);
  });
});
