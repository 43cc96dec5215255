import { latestReturnPeriodBy } from '@app/domain';
import { codeOf, errorOf, vnToday } from '../support/case-fixtures';
import { Cdcs, newCdcs } from '../support/grassroots';
import { R } from '../support/statistics-returns';
import { Province, TestApi } from '../support/test-api';

/**
 * A return is submitted from its period's reference day on (its figures are as at that day); a draft may be saved
 * earlier (docs/architecture.md#statistics-returns). Periods are taken from today, whatever day the tests run.
 */
jest.setTimeout(120_000);

const today = vnToday();
// Next year's year return: its reference day (30/11) is always ahead. The latest period whose reference day has come.
const ahead = { kind: 'YEAR', year: Number(today.slice(0, 4)) + 1 };
const reached = latestReturnPeriodBy(today);

describe('submitting a statistics return before its reference day', () => {
  let api: TestApi;
  let a: Province;
  let c: Cdcs;

  const save = async (kind: string, year: number) => {
    const r = (await api.ok(R.get, { g: c.id, k: kind, y: year }, c.chair.token)).statisticsReturn;
    return (await api.ok(R.save, { i: { grassrootsUnionId: c.id, kind, year, version: 0, figures: r.prefill } }, c.chair.token)).saveStatisticsReturn;
  };

  beforeAll(async () => {
    api = await TestApi.start();
    a = await api.newProvince(1);
    c = await newCdcs(api, a, 'Công ty Nộp Sớm');
    await api.db.query(`UPDATE org_unit SET established_on = '2020-01-01' WHERE id = $1`, [c.id]);
  });
  afterAll(() => api?.close());

  it('saves a draft early but refuses to submit it, naming the reference day, and changes nothing', async () => {
    const draft = await save(ahead.kind, ahead.year);
    expect(draft).toMatchObject({ status: 'DRAFT', version: 1 });
    const refused = await api.gql(R.submit, { i: { id: draft.id, version: 1 } }, c.chair.token);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toBe(`Chưa đến ngày chốt số liệu của kỳ báo cáo (30/11/${ahead.year}): chưa gửi được`);
    expect(errorOf(refused)).toMatchObject({ reason: 'BEFORE_REFERENCE_DAY', referenceDay: `${ahead.year}-11-30` });
    const after = (await api.ok(R.get, { g: c.id, k: ahead.kind, y: ahead.year }, c.chair.token)).statisticsReturn;
    expect(after).toMatchObject({ status: 'DRAFT', version: 1 });
    expect(after.versions.map((v: { action: string }) => v.action)).toEqual(['SAVE']);
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM statistics_return WHERE id = $1 AND first_submitted_at IS NULL`, [draft.id]);
    expect(n).toBe(1);
    // An ADMIN is held to the same day.
    const admin = await api.newAdmin();
    expect(codeOf(await api.gql(R.submit, { i: { id: draft.id, version: 1 } }, admin.token))).toBe('BAD_USER_INPUT');
  });

  it('submits a return whose reference day has come', async () => {
    const draft = await save(reached.kind, reached.year);
    const sent = (await api.ok(R.submit, { i: { id: draft.id, version: draft.version } }, c.chair.token)).submitStatisticsReturn;
    expect(sent).toMatchObject({ status: 'SUBMITTED', version: draft.version + 1 });
  });
});
