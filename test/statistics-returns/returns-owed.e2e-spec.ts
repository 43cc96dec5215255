import { latestReturnPeriodBy } from '@app/domain';
import { addDays, vnToday } from '../support/case-fixtures';
import { Cdcs, newCdcs } from '../support/grassroots';
import { R } from '../support/statistics-returns';
import { Province, TestApi } from '../support/test-api';

/**
 * CĐCS created after a period's reference day owe nothing for it: the board, the consolidation and the members from
 * returns apply the escalations' rule (docs/architecture.md#statistics-returns).
 */
jest.setTimeout(120_000);

const today = vnToday();
// A period whose reference day is 60 days or more behind (past its due day too), and one whose reference day is ahead.
const past = latestReturnPeriodBy(addDays(today, -60));
const ahead = { kind: 'YEAR', year: Number(today.slice(0, 4)) + 1 };
type Row = { grassrootsUnionId: string; state: string; late: boolean };

describe('who owes a statistics return', () => {
  let api: TestApi;
  let a: Province;
  let old: Cdcs;
  let fresh: Cdcs;

  const board = async (period: { kind: string; year: number }, token = a.supervisor.token, u = a.unitId) =>
    (await api.ok(R.board, { u, k: period.kind, y: period.year }, token)).statisticsReturns;
  const consolidated = async (period: { kind: string; year: number }, u = a.unitId, token = a.supervisor.token) =>
    (await api.ok(R.consolidated, { u, k: period.kind, y: period.year }, token)).consolidatedStatisticsReturn;
  const ids = (rows: { grassrootsUnionId?: string; unitId?: string }[]) => rows.map((r) => r.grassrootsUnionId ?? r.unitId).sort();

  beforeAll(async () => {
    api = await TestApi.start();
    a = await api.newProvince(1);
    old = await newCdcs(api, a, 'Công ty Lâu Năm');
    fresh = await newCdcs(api, a, 'Công ty Mới Thành Lập');
    await api.db.query(`UPDATE org_unit SET created_at = '2020-01-01' WHERE id = $1`, [old.id]);
  });
  afterAll(() => api?.close());

  it('does not count a CĐCS founded today as missing or late for a past period, on the board, in the consolidation or the members from returns', async () => {
    const b = await board(past);
    expect(ids(b.rows)).toEqual([old.id]);
    expect(b).toMatchObject({ missing: 1, late: 1, notSubmitted: 0, submitted: 0 });
    expect((await board(past, fresh.chair.token, fresh.id)).rows).toEqual([]);
    const c = await consolidated(past);
    expect(c.missing.map((m: Row) => m.grassrootsUnionId)).toEqual([old.id]);
    expect(ids(c.rows)).toEqual([old.id]);
    expect(c.total).toMatchObject({ grassroots: 1, accepted: 0 });
    const fed = await consolidated(past, a.federationId, a.federationSupervisor.token);
    expect(fed.rows.find((r: { unitId: string }) => r.unitId === a.unitId)).toMatchObject({ grassroots: 1, accepted: 0 });
    // Last year's figures: its year return (30/11), before the fresh CĐCS existed.
    const q = `query($u: ID!, $y: Int!) { pipeline(orgUnitId: $u, year: $y) { membersFromReturns { grassrootsUnions reportedUnions } } }`;
    const fromReturns = (await api.ok(q, { u: a.unitId, y: Number(today.slice(0, 4)) - 1 }, a.supervisor.token)).pipeline.membersFromReturns;
    expect(fromReturns).toEqual({ grassrootsUnions: 1, reportedUnions: 0 });
  });

  it('still holds it to a period whose reference day is after its creation', async () => {
    const b = await board(ahead);
    expect(ids(b.rows)).toEqual([old.id, fresh.id].sort());
    expect(b.rows.find((r: Row) => r.grassrootsUnionId === fresh.id)).toMatchObject({ state: 'NOT_SUBMITTED', late: false });
    expect(b).toMatchObject({ notSubmitted: 2, missing: 0, late: 0 });
    const c = await consolidated(ahead);
    expect(ids(c.missing)).toEqual([old.id, fresh.id].sort());
    expect(c.total).toMatchObject({ grassroots: 2 });
  });

  it('lists a CĐCS that sent in a return it did not owe, with its state', async () => {
    const r = (await api.ok(R.get, { g: fresh.id, k: past.kind, y: past.year }, fresh.chair.token)).statisticsReturn;
    const saved = (
      await api.ok(R.save, { i: { grassrootsUnionId: fresh.id, kind: past.kind, year: past.year, version: 0, figures: r.prefill } }, fresh.chair.token)
    ).saveStatisticsReturn;
    expect(ids((await board(past)).rows)).toEqual([old.id]);
    await api.ok(R.submit, { i: { id: saved.id, version: saved.version } }, fresh.chair.token);
    const b = await board(past);
    expect(b.rows.find((x: Row) => x.grassrootsUnionId === fresh.id)).toMatchObject({ state: 'SUBMITTED' });
    expect(b).toMatchObject({ missing: 1, submitted: 1 });
    expect((await consolidated(past)).total).toMatchObject({ grassroots: 2, accepted: 0 });
  });
});
