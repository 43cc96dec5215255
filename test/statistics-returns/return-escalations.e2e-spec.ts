import { EscalationsService } from '@app/core';
import { Cdcs, newCdcs } from '../support/grassroots';
import { Province, TestApi } from '../support/test-api';
import { R } from '../support/statistics-returns';

/** Reminders before the due day and escalations of missing returns after it, once per level (docs/architecture.md#statistics-returns). */
jest.setTimeout(120_000);

describe('statistics returns in the escalation sweep', () => {
  let api: TestApi;
  let a: Province;
  let one: Cdcs;
  let two: Cdcs;

  /** The levels raised for the CĐCS's half-year 2026 return, with who was notified. */
  const raised = async (c: Cdcs) =>
    api.db.query(
      `SELECT x.level, array_agg(n.user_id::text ORDER BY n.user_id) AS users FROM escalation x LEFT JOIN notification n ON n.escalation_id = x.id
        WHERE x.return_union_id = $1 AND x.return_period = 'HALF_YEAR-2026' GROUP BY x.level ORDER BY x.level`,
      [c.id],
    );
  const sweep = (day: string) => api.app.get(EscalationsService).sweep(day);

  beforeAll(async () => {
    api = await TestApi.start();
    a = await api.newProvince(1);
    one = await newCdcs(api, a, 'Công ty Nhắc Hạn');
    two = await newCdcs(api, a, 'Công ty Quá Hạn');
    // Both existed before the half-year's reference day (31/5/2026), after last year's (30/11/2025).
    await api.db.query(`UPDATE org_unit SET established_on = '2025-12-15' WHERE id = ANY($1)`, [[one.id, two.id]]);
    const figures = (await api.ok(R.get, { g: one.id, k: 'HALF_YEAR', y: 2026 }, one.chair.token)).statisticsReturn.figures;
    const saved = (await api.ok(R.save, { i: { grassrootsUnionId: one.id, kind: 'HALF_YEAR', year: 2026, version: 0, figures } }, one.chair.token))
      .saveStatisticsReturn;
    await api.ok(R.submit, { i: { id: saved.id, version: saved.version } }, one.chair.token);
  });
  afterAll(() => api?.close());

  it('reminds the CĐCS without a submitted return from 3 working days before the due day, once', async () => {
    // Due 12/6/2026 (10 working days after 31/5); reminders from 9/6.
    await sweep('2026-06-08');
    expect(await raised(two)).toEqual([]);
    await sweep('2026-06-10');
    await sweep('2026-06-11');
    expect(await raised(two)).toEqual([{ level: 'REMINDER', users: [two.chair.id] }]);
    expect(await raised(one)).toEqual([]);
  });

  it("escalates a missing return to the upper level's supervisors after the due day, once however often the sweep runs", async () => {
    await sweep('2026-06-12');
    expect((await raised(two)).map((r: { level: string }) => r.level)).toEqual(['REMINDER']);
    await sweep('2026-06-15');
    await sweep('2026-06-16');
    expect(await raised(two)).toEqual([
      { level: 'BREACH', users: [a.supervisor.id] },
      { level: 'REMINDER', users: [two.chair.id] },
    ]);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM notification n JOIN escalation x ON x.id = n.escalation_id WHERE x.return_union_id = $1`,
      [two.id],
    );
    expect(n).toBe(2);
    expect(await raised(one)).toEqual([]);
  });
});
