import { latestReturnPeriodBy } from '@app/domain';
import { addDays, vnToday } from '../support/case-fixtures';
import { Cdcs, newCdcs } from '../support/grassroots';
import { R } from '../support/statistics-returns';
import { Province, TestApi } from '../support/test-api';

/**
 * CĐCS founded after a period's reference day owe nothing for it: the board, the consolidation and the members from
 * returns apply the escalations' rule (docs/architecture.md#statistics-returns). Founded: the unit's founding day
 * (`establishedOn`), not the day it was entered, so an office entering its existing CĐCS today sees them owe.
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
    await api.db.query(`UPDATE org_unit SET established_on = '2020-01-01' WHERE id = $1`, [old.id]);
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

  it('holds a CĐCS entered today but founded years ago to the past period; its founding day can be corrected', async () => {
    const create = `mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id establishedOn } }`;
    const update = `mutation($i: UpdateOrgUnitInput!) { updateOrgUnit(input: $i) { id name establishedOn } }`;
    const founded = (
      await api.ok(
        create,
        { i: { name: `Công đoàn cơ sở Công ty Cũ ${a.tag}`, kind: 'GRASSROOTS', parentId: a.unitId, establishedOn: '2015-04-01' } },
        a.supervisor.token,
      )
    ).createOrgUnit;
    expect(founded.establishedOn).toBe('2015-04-01');
    expect((await board(past)).rows.find((r: Row) => r.grassrootsUnionId === founded.id)).toMatchObject({ state: 'MISSING', late: true });
    expect(ids((await consolidated(past)).missing)).toContain(founded.id);
    // Entered without a founding day: founded today, so it owes nothing for the past period until corrected.
    const entered = (
      await api.ok(create, { i: { name: `Công đoàn cơ sở Công ty Nhập Sau ${a.tag}`, kind: 'GRASSROOTS', parentId: a.unitId } }, a.supervisor.token)
    ).createOrgUnit;
    expect(entered.establishedOn).toBe(today);
    expect(ids((await board(past)).rows)).not.toContain(entered.id);
    const corrected = (
      await api.ok(update, { i: { id: entered.id, name: `Công đoàn cơ sở Công ty Nhập Sau ${a.tag}`, establishedOn: '2019-10-20' } }, a.supervisor.token)
    ).updateOrgUnit;
    expect(corrected.establishedOn).toBe('2019-10-20');
    expect(ids((await board(past)).rows)).toContain(entered.id);
    // A rename alone keeps the founding day.
    await api.ok(update, { i: { id: entered.id, name: `Công đoàn cơ sở Công ty Nhập Sau Đổi Tên ${a.tag}` } }, a.supervisor.token);
    const [kept] = await api.db.query(`SELECT established_on FROM org_unit WHERE id = $1`, [entered.id]);
    expect(kept.established_on).toBe('2019-10-20');
  });

  it('refuses a founding day after today, before 1929 or not a real day, and changes nothing', async () => {
    const create = `mutation($i: CreateOrgUnitInput!) { createOrgUnit(input: $i) { id } }`;
    const update = `mutation($i: UpdateOrgUnitInput!) { updateOrgUnit(input: $i) { id } }`;
    const [{ n: before }] = await api.db.query(`SELECT count(*)::int AS n FROM org_unit`);
    const [{ established_on: oldDay }] = await api.db.query(`SELECT established_on FROM org_unit WHERE id = $1`, [old.id]);
    const cases: [string, RegExp][] = [
      [addDays(today, 1), /^Ngày thành lập không được sau hôm nay \(\d{2}\/\d{2}\/\d{4}\)$/],
      ['1929-07-27', /^Ngày thành lập không được trước ngày 28\/07\/1929$/],
    ];
    for (const [day, message] of cases) {
      const made = await api.gql(
        create,
        { i: { name: `Công đoàn cơ sở Sai Ngày ${a.tag}`, kind: 'GRASSROOTS', parentId: a.unitId, establishedOn: day } },
        a.supervisor.token,
      );
      expect(made.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['establishedOn'] });
      expect(made.errors?.[0]?.extensions?.messages?.establishedOn).toMatch(message);
      const changed = await api.gql(update, { i: { id: old.id, name: 'Đổi tên không được', establishedOn: day } }, a.supervisor.token);
      expect(changed.errors?.[0]?.extensions?.messages?.establishedOn).toMatch(message);
    }
    const bad = await api.gql(
      create,
      { i: { name: `Công đoàn cơ sở Sai Ngày ${a.tag}`, kind: 'GRASSROOTS', parentId: a.unitId, establishedOn: '2025-02-30' } },
      a.supervisor.token,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const [{ n: after }] = await api.db.query(`SELECT count(*)::int AS n FROM org_unit`);
    expect(after).toBe(before);
    const [unit] = await api.db.query(`SELECT name, established_on FROM org_unit WHERE id = $1`, [old.id]);
    expect(unit.established_on).toBe(oldDay);
    expect(unit.name).not.toBe('Đổi tên không được');
  });
});
