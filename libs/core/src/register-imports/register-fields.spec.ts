import { FundingType, Ownership } from '@app/domain';
import { EnterpriseImportRow, ImportRow } from '../imports';
import { taxCodes } from '../imports/testing/import-fixtures';
import { ImportRowAction, OUT_OF_SCOPE_MESSAGE, REGISTER_FIELDS, RegisterSnapshot, classifyRow, decodeRaw, encodeRaw, providedValues } from './register-fields';

const [TC1, TC2] = taxCodes(2);

function row(values: Partial<EnterpriseImportRow>, raw: Record<string, unknown> = values, errors: ImportRow<EnterpriseImportRow>['errors'] = []) {
  return { rowNumber: 5, values, raw, errors } as ImportRow<EnterpriseImportRow>;
}

const parsed = (over: Partial<EnterpriseImportRow> = {}): EnterpriseImportRow => ({
  name: 'Công ty A',
  taxCode: TC1,
  workerCount: 30,
  address: null,
  district: null,
  sector: null,
  ownership: null,
  hasUnion: false,
  surveyedOn: null,
  fundingType: null,
  fundingTypeFrom: null,
  ...over,
});

const existing = (over: Partial<RegisterSnapshot> = {}): RegisterSnapshot => ({
  id: 'e-1',
  taxCode: TC1,
  orgUnitId: 'u-1',
  unitPath: 'root.u-1',
  name: 'Công ty A',
  workerCount: 30,
  address: 'Số 1 Lê Lợi',
  district: null,
  sector: 'May',
  ownership: Ownership.PRIVATE,
  hasUnion: true,
  surveyedOn: '2024-12-31',
  fundingType: null,
  fundingTypeFrom: null,
  ...over,
});

const all = () => true;

describe('register import: the dry run of one row', () => {
  it('covers every column of the import kind but the tax code', () => {
    expect(REGISTER_FIELDS.map((f) => f.key)).toEqual([
      'name',
      'workerCount',
      'address',
      'district',
      'sector',
      'ownership',
      'hasUnion',
      'surveyedOn',
      'fundingType',
      'fundingTypeFrom',
    ]);
  });

  const TODAY = '2026-12-06';

  it('takes only the non-blank cells of the file: a blank cell (or a column the file lacks) changes nothing', () => {
    // The file has no address column and a blank 'Đã có công đoàn' cell (parsed as false).
    const r = row(parsed({ district: 'Vũ Thư' }), { name: 'Công ty A', taxCode: TC1, workerCount: 30, district: 'Vũ Thư', hasUnion: '  ' });
    expect(providedValues(r)).toEqual({ name: 'Công ty A', workerCount: 30, district: 'Vũ Thư' });
    expect(providedValues(row(parsed({ hasUnion: false }), { name: 'A', taxCode: TC1, workerCount: 30, hasUnion: false }))).toMatchObject({ hasUnion: false });
  });

  it('creates an enterprise no one has, with the values the file gives', () => {
    const c = classifyRow(row(parsed({ workerCount: 45 }), { name: 'Công ty A', taxCode: TC1, workerCount: 45 }), undefined, all, TODAY);
    expect(c).toMatchObject({ action: ImportRowAction.CREATE, taxCode: TC1, name: 'Công ty A', enterpriseId: null, changedFields: [], errors: [] });
    expect(c.values).toEqual({ taxCode: TC1, name: 'Công ty A', workerCount: 45 });
  });

  it('updates only the columns that differ, remembering their values before', () => {
    const r = row(parsed({ workerCount: 120, address: 'Số 9 Trần Hưng Đạo', sector: 'May' }), {
      name: 'Công ty A',
      taxCode: TC1,
      workerCount: 120,
      address: 'Số 9 Trần Hưng Đạo',
      sector: 'May',
    });
    const c = classifyRow(r, existing(), all, TODAY);
    expect(c).toMatchObject({ action: ImportRowAction.UPDATE, enterpriseId: 'e-1', changedFields: ['workerCount', 'address'] });
    expect(c.before).toEqual({ workerCount: 30, address: 'Số 1 Lê Lợi' });
  });

  it("leaves a row unchanged when every given value is the register's, blanks included", () => {
    const r = row(parsed({ sector: 'May', surveyedOn: '2024-12-31' }), {
      name: 'Công ty A',
      taxCode: TC1,
      workerCount: 30,
      sector: 'May',
      surveyedOn: '31/12/2024',
      address: null,
    });
    expect(classifyRow(r, existing(), all, TODAY)).toMatchObject({ action: ImportRowAction.UNCHANGED, enterpriseId: 'e-1', changedFields: [] });
  });

  it("refuses a tax code of an enterprise outside the scope, and keeps the reader's errors and cells", () => {
    const out = classifyRow(row(parsed(), { name: 'Công ty A', taxCode: TC1, workerCount: 30 }), existing(), () => false, TODAY);
    expect(out).toMatchObject({ action: ImportRowAction.REFUSED, enterpriseId: null, errors: [{ column: 'Mã số thuế', message: OUT_OF_SCOPE_MESSAGE }] });
    const bad = classifyRow(
      row({ name: 'B', taxCode: TC2 }, { name: 'B', taxCode: TC2, workerCount: 'nhiều' }, [
        { column: 'Số lao động', message: 'Số lao động phải là số nguyên' },
      ]),
      undefined,
      all,
      TODAY,
    );
    expect(bad).toMatchObject({ action: ImportRowAction.REFUSED, taxCode: TC2, raw: { workerCount: 'nhiều' }, errors: [{ column: 'Số lao động' }] });
  });

  it('refuses a funding type dated before the one the register holds (its history is written in order), and takes a later one', () => {
    const held = existing({ fundingType: FundingType.STATE_BUDGET_FULL, fundingTypeFrom: '2025-06-01' });
    const early = classifyRow(row(parsed({ fundingType: FundingType.SELF_FINANCED_FULL, fundingTypeFrom: '2025-05-31' })), held, all, TODAY);
    expect(early).toMatchObject({
      action: ImportRowAction.REFUSED,
      errors: [{ column: 'Ngày áp dụng loại hình tài chính', message: 'Ngày áp dụng không được trước ngày áp dụng loại hình tài chính hiện tại (01/06/2025)' }],
    });
    const later = classifyRow(row(parsed({ fundingType: FundingType.SELF_FINANCED_FULL, fundingTypeFrom: '2025-06-01' })), held, all, TODAY);
    expect(later).toMatchObject({ action: ImportRowAction.UPDATE, changedFields: expect.arrayContaining(['fundingType']) });
  });

  it('refuses the days the register form refuses: a count or a funding type dated after today, or before 2000', () => {
    const future = classifyRow(
      row(parsed({ surveyedOn: '2026-12-07', fundingType: FundingType.STATE_BUDGET_FULL, fundingTypeFrom: '2027-06-01' })),
      undefined,
      all,
      TODAY,
    );
    expect(future).toMatchObject({
      action: ImportRowAction.REFUSED,
      errors: [
        { column: 'Ngày đếm lao động', message: 'Ngày đếm lao động không được sau hôm nay (06/12/2026)' },
        { column: 'Ngày áp dụng loại hình tài chính', message: 'Ngày áp dụng loại hình tài chính không được sau hôm nay (06/12/2026)' },
      ],
    });
    expect(classifyRow(row(parsed({ surveyedOn: '1999-12-31' })), undefined, all, TODAY)).toMatchObject({
      action: ImportRowAction.REFUSED,
      errors: [{ message: 'Ngày đếm lao động không được trước ngày 01/01/2000' }],
    });
    expect(classifyRow(row(parsed({ surveyedOn: TODAY })), undefined, all, TODAY).action).toBe(ImportRowAction.CREATE);
  });

  it('stores read cells in jsonb and gets dates back as dates', () => {
    const d = new Date(Date.UTC(2025, 0, 2));
    const encoded = encodeRaw({ a: 'x', b: 3, c: true, d, e: null });
    expect(JSON.parse(JSON.stringify(encoded))).toEqual({ a: 'x', b: 3, c: true, d: { date: d.toISOString() }, e: null });
    expect(decodeRaw(JSON.parse(JSON.stringify(encoded)))).toEqual({ a: 'x', b: 3, c: true, d, e: null });
  });
});
