import { addDays, vnToday } from '../support/case-fixtures';
import { HEADINGS, ROW_FIELDS, csvOf, dryRun, validTaxCode } from '../support/register-imports';
import { Province, TestApi } from '../support/test-api';

/**
 * A register import takes a day only as the register's form does (docs/architecture.md#register-imports-the-dry-run-and-the-apply-set-based):
 * a count of workers or a funding type dated after today is refused on its row, so it can neither record what was not
 * counted yet nor lock the funding type's history (no later day could be recorded today).
 */
jest.setTimeout(120_000);

const ROWS = `query($id: ID!) { registerImport(id: $id) { rows(action: REFUSED, first: 10) { nodes { ${ROW_FIELDS} } } } }`;
const dmy = (d: string) => d.split('-').reverse().join('/');

describe('register import: days after today are refused, as on the form', () => {
  let api: TestApi;
  let p: Province;

  beforeAll(async () => {
    api = await TestApi.start();
    p = await api.newProvince(1);
  });
  afterAll(() => api?.close());

  it('refuses a future count day and a future funding type day on their rows; today is taken', async () => {
    const today = vnToday();
    const tomorrow = addDays(today, 1);
    const [future, funded, ok] = [validTaxCode(), validTaxCode(), validTaxCode()];
    const headings = [...HEADINGS, 'Loại hình tài chính', 'Ngày áp dụng loại hình tài chính'];
    const csv = csvOf([
      headings,
      ['Công ty Tương Lai', future, 40, null, null, null, null, null, dmy(tomorrow), null, null],
      ['Công ty Ngân Sách', funded, 40, null, null, null, null, null, null, 'Nhóm 4', dmy(tomorrow)],
      ['Công ty Hôm Nay', ok, 40, null, null, null, null, null, dmy(today), null, null],
    ]);
    const summary = await dryRun(api, p.supervisor.token, csv, { fileName: 'ngay.csv', orgUnitId: p.unitId });
    expect(summary).toMatchObject({ totalRows: 3, toCreate: 1, refused: 2 });
    const rows = (await api.ok(ROWS, { id: summary.id }, p.supervisor.token)).registerImport.rows.nodes;
    expect(rows.map((r: { taxCode: string; errors: unknown[] }) => [r.taxCode, r.errors])).toEqual([
      [future, [{ column: 'Ngày đếm lao động', message: `Ngày đếm lao động không được sau hôm nay (${dmy(today)})` }]],
      [funded, [{ column: 'Ngày áp dụng loại hình tài chính', message: `Ngày áp dụng loại hình tài chính không được sau hôm nay (${dmy(today)})` }]],
    ]);
  });
});
