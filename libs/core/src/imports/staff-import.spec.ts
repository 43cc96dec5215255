import { LabourContractKind, Sex } from '@app/domain';
import { STAFF_IMPORT } from './staff-import';
import { readTabular } from './tabular-import';
import { importWorkbookBuffer } from './xlsx-export';

const csv = (rows: string[][]): Buffer => Buffer.from(`${rows.map((r) => r.join(',')).join('\n')}\n`, 'utf8');

describe('STAFF_IMPORT', () => {
  it('has the staff list columns, four of them required', () => {
    expect(STAFF_IMPORT.columns.map((c) => [c.key, c.heading, c.required])).toEqual([
      ['fullName', 'Họ và tên', true],
      ['citizenId', 'Số CCCD', true],
      ['birthDate', 'Ngày sinh', true],
      ['sex', 'Giới tính', true],
      ['job', 'Công việc', false],
      ['contractKind', 'Loại hợp đồng lao động', false],
      ['phone', 'Số điện thoại', false],
    ]);
  });

  it('reads the usual headings and words, and checks each citizen id against its row', async () => {
    const r = await readTabular(
      csv([
        ['Họ tên', 'CCCD', 'Ngày sinh', 'Giới', 'Chức danh', 'Loại HĐLĐ'],
        ['Nguyễn Thị Hoa', '034190012345', '17/05/1990', 'nu', 'Công nhân', 'Vô thời hạn'],
        ['Trần Văn Bình', '34085012345', '02/01/1985', 'Nam', '', 'XĐTH'],
        ['Sai Giới', '034090099999', '02/01/1990', 'Nữ', '', ''],
        ['Trùng', '034190012345', '17/05/1990', 'Nữ', '', ''],
        ['Thiếu Số', '', '17/05/1990', 'Nữ', '', ''],
      ]),
      STAFF_IMPORT,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.rows[0].values).toEqual({
      fullName: 'Nguyễn Thị Hoa',
      citizenId: '034190012345',
      birthDate: '1990-05-17',
      sex: Sex.FEMALE,
      job: 'Công nhân',
      contractKind: LabourContractKind.INDEFINITE,
      phone: null,
    });
    // 11 digits that validate with the 0 back are accepted (the service stores the 12).
    expect(r.rows[1].errors).toEqual([]);
    expect(r.rows[1].values.contractKind).toBe(LabourContractKind.FIXED_TERM);
    expect(r.rows[2].errors).toEqual([{ column: 'Số CCCD', message: expect.stringContaining('không khớp giới tính nữ') }]);
    expect(r.rows[3].errors).toEqual([{ column: 'Số CCCD', message: 'Số CCCD 034190012345 trùng với dòng 2' }]);
    expect(r.rows[4].errors.map((e) => e.column)).toEqual(['Số CCCD']);
    expect([r.acceptedCount, r.refusedCount]).toEqual([2, 3]);
  });

  it('exports a list that imports back to the same rows', async () => {
    const row = {
      fullName: 'Lê Văn Nam',
      citizenId: '001088000123',
      birthDate: '1988-08-08',
      sex: Sex.MALE,
      job: 'Thủ kho',
      contractKind: LabourContractKind.OTHER,
      phone: '0912345678',
    };
    const back = await readTabular(await importWorkbookBuffer(STAFF_IMPORT, [row]), STAFF_IMPORT);
    expect(back.ok && back.rows.map((x) => x.values)).toEqual([row]);
  });
});
