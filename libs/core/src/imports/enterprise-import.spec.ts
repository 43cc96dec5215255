import { FundingType, IsoDate, Ownership } from '@app/domain';
import { ColumnOf, defineImportKind } from './column-spec';
import { booleanType, dateType, textType } from './column-types';
import { ENTERPRISE_HEADINGS, ENTERPRISE_IMPORT, FUNDING_TYPE_CHOICES, OWNERSHIP_CHOICES } from './enterprise-import';
import { readTabular } from './tabular-import';
import { taxCodes } from './testing/import-fixtures';

const [TC1, TC2] = taxCodes(2);

describe('ENTERPRISE_IMPORT', () => {
  it('has the register columns in order, three of them required', () => {
    expect(ENTERPRISE_IMPORT.columns.map((c) => [c.key, c.heading, c.required])).toEqual([
      ['name', 'Tên doanh nghiệp', true],
      ['taxCode', 'Mã số thuế', true],
      ['workerCount', 'Số lao động', true],
      ['address', 'Địa chỉ', false],
      ['district', 'Huyện/Xã', false],
      ['sector', 'Ngành', false],
      ['ownership', 'Loại hình', false],
      ['hasUnion', 'Đã có công đoàn', false],
      ['surveyedOn', 'Ngày đếm lao động', false],
      ['fundingType', 'Loại hình tài chính', false],
      ['fundingTypeFrom', 'Ngày áp dụng loại hình tài chính', false],
    ]);
    expect(ENTERPRISE_HEADINGS.taxCode).toBe('Mã số thuế');
  });

  it('offers every ownership of the domain', () => {
    expect(OWNERSHIP_CHOICES.map((c) => c.value).sort()).toEqual(Object.values(Ownership).sort());
  });

  it('offers every funding type of the domain, read from its label or the group of Nghị định 60/2021', async () => {
    expect(FUNDING_TYPE_CHOICES.map((c) => c.value).sort()).toEqual(Object.values(FundingType).sort());
    const csv = `Tên doanh nghiệp;Mã số thuế;Số lao động;Nguồn kinh phí;Áp dụng từ ngày\n1;${TC1};5;Nhóm 4;01/06/2025\n2;${TC2};5;ngoai nha nuoc;\n`;
    const r = await readTabular(Buffer.from(csv), ENTERPRISE_IMPORT);
    expect(r.ok && r.rows.map((row) => [row.values.fundingType, row.values.fundingTypeFrom, row.errors])).toEqual([
      [FundingType.STATE_BUDGET_FULL, '2025-06-01', []],
      [FundingType.NON_STATE, null, []],
    ]);
  });

  it('knows the usual other names of the columns', async () => {
    const csv = `STT;Tên đơn vị;MST;Tổng số LĐ;Quận/Huyện;Ngành nghề;Thành phần kinh tế;Có CĐCS;Ngày khảo sát\n1;A;${TC1};5;Vũ Thư;May;Ngoài quốc doanh;x;02/01/2025\n`;
    const r = await readTabular(Buffer.from(csv), ENTERPRISE_IMPORT);
    expect(r.ok && r.rows[0]).toMatchObject({
      errors: [],
      values: {
        name: 'A',
        taxCode: TC1,
        workerCount: 5,
        district: 'Vũ Thư',
        sector: 'May',
        ownership: Ownership.PRIVATE,
        hasUnion: true,
        surveyedOn: '2025-01-02',
      },
    });
  });

  it("refuses the second row with a tax code, naming the first, whatever the first row's other errors", async () => {
    const csv = `Tên doanh nghiệp,Mã số thuế,Số lao động\nA,${TC1},-1\nB,${TC2},1\nC, ${TC1} ,2\nD,${TC1.slice(1)},3\n`;
    const r = await readTabular(Buffer.from(csv), ENTERPRISE_IMPORT);
    expect(r.ok && r.rows.map((row) => [row.rowNumber, row.errors.map((e) => e.message)])).toEqual([
      [2, ['Số lao động phải từ 0 trở lên']],
      [3, []],
      [4, ['Trùng mã số thuế với dòng 2']],
      [5, ['Trùng mã số thuế với dòng 2']],
    ]);
  });

  it('treats a branch as a different code from its head office', async () => {
    const csv = `Tên doanh nghiệp,Mã số thuế,Số lao động\nA,${TC1},1\nA – chi nhánh,${TC1}-001,1\n`;
    const r = await readTabular(Buffer.from(csv), ENTERPRISE_IMPORT);
    expect(r.ok && r.refusedCount).toBe(0);
  });

  it('refuses an ownership it does not know, listing the ones it does', async () => {
    const csv = `Tên doanh nghiệp,Mã số thuế,Số lao động,Loại hình\nA,${TC1},1,Công ty TNHH\n`;
    const r = await readTabular(Buffer.from(csv), ENTERPRISE_IMPORT);
    expect(r.ok && r.rows[0].errors).toEqual([
      {
        column: 'Loại hình',
        message: 'Loại hình “Công ty TNHH” không nằm trong danh sách: Nhà nước, Tư nhân, Có vốn đầu tư nước ngoài, Tập thể, Khác',
      },
    ]);
  });
});

/** A second kind on the same machinery: a CĐCS's staff list (made up here, the real one comes later). */
interface StaffRow {
  fullName: string;
  birthDate: IsoDate | null;
  isMember: boolean;
}

describe('a kind of another shape', () => {
  const STAFF = defineImportKind<StaffRow>({
    id: 'cdcs-staff',
    label: 'Danh sách người lao động',
    columns: [
      { key: 'fullName', heading: 'Họ và tên', aliases: ['Họ tên'], required: true, type: textType({ maxLength: 100 }) },
      { key: 'birthDate', heading: 'Ngày sinh', required: false, type: dateType() },
      { key: 'isMember', heading: 'Đoàn viên', required: false, type: booleanType(), emptyValue: false },
    ],
  });

  it('reads with the same reader and its own rules', async () => {
    const csv = 'Họ tên;Ngày sinh;Đoàn viên\nNguyễn Thị Lan;05/09/1990;x\nTrần Văn B;31/02/1990;\n';
    const r = await readTabular(Buffer.from(csv), STAFF);
    expect(r.ok && r.rows.map((row) => [row.values, row.errors])).toEqual([
      [{ fullName: 'Nguyễn Thị Lan', birthDate: '1990-09-05', isMember: true }, []],
      [{ fullName: 'Trần Văn B', isMember: false }, [{ column: 'Ngày sinh', message: '31/02/1990 không phải là ngày hợp lệ' }]],
    ]);
  });

  it('refuses a kind whose columns share a key or a heading', () => {
    const name: ColumnOf<StaffRow> = { key: 'fullName', heading: 'Họ và tên', required: true, type: textType() };
    expect(() => defineImportKind<StaffRow>({ id: 'x', label: 'x', columns: [name, name] })).toThrow("column key 'fullName' twice");
    expect(() =>
      defineImportKind<StaffRow>({
        id: 'x',
        label: 'x',
        columns: [name, { key: 'isMember', heading: 'Ho va ten', required: false, type: booleanType() }],
      }),
    ).toThrow("heading 'ho va ten' belongs to both 'fullName' and 'isMember'");
    expect(() => defineImportKind<StaffRow>({ id: 'x', label: 'x', columns: [{ key: 'fullName', heading: ' / ', required: true, type: textType() }] })).toThrow(
      'empty heading',
    );
  });
});
