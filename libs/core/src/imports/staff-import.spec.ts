import { LabourContractKind, LeaveReason, MemberStatus, Sex } from '@app/domain';
import { STAFF_IMPORT } from './staff-import';
import { readTabular } from './tabular-import';
import { importWorkbookBuffer } from './xlsx-export';

const csv = (rows: string[][]): Buffer => Buffer.from(`${rows.map((r) => r.join(',')).join('\n')}\n`, 'utf8');

describe('STAFF_IMPORT', () => {
  it('has the staff list columns (name and sex required: a person already on the list may lack a citizen id), the membership columns and the code', () => {
    expect(STAFF_IMPORT.columns.map((c) => [c.key, c.heading, c.required])).toEqual([
      ['fullName', 'Họ và tên', true],
      ['citizenId', 'Số CCCD', false],
      ['birthDate', 'Ngày sinh', false],
      ['sex', 'Giới tính', true],
      ['job', 'Công việc', false],
      ['contractKind', 'Loại hợp đồng lao động', false],
      ['phone', 'Số điện thoại', false],
      ['memberStatus', 'Tình trạng đoàn viên', false],
      ['admittedOn', 'Ngày kết nạp', false],
      ['decisionNumber', 'Số quyết định kết nạp', false],
      ['leftOn', 'Ngày ra khỏi tổ chức', false],
      ['leftReason', 'Lý do ra khỏi tổ chức', false],
      ['unionGroup', 'Tổ công đoàn', false],
      ['staffCode', 'Mã người lao động', false],
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
        ['Trùng Không Ngày', '034190012345', '', 'Nữ', '', ''],
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
      memberStatus: null,
      admittedOn: null,
      decisionNumber: null,
      leftOn: null,
      leftReason: null,
      unionGroup: null,
      staffCode: null,
    });
    // 11 digits that validate with the 0 back are accepted (the service stores the 12).
    expect(r.rows[1].errors).toEqual([]);
    expect(r.rows[1].values.contractKind).toBe(LabourContractKind.FIXED_TERM);
    expect(r.rows[2].errors).toEqual([{ column: 'Số CCCD', message: expect.stringContaining('không khớp giới tính nữ') }]);
    expect(r.rows[3].errors).toEqual([{ column: 'Số CCCD', message: 'Số CCCD 034190012345 trùng với dòng 2' }]);
    // No citizen id is the service's to judge: a person already on the list is found by its code.
    expect(r.rows[4].errors).toEqual([]);
    // A citizen id twice is refused even without the birth date that checks it.
    expect(r.rows[5].errors).toEqual([{ column: 'Số CCCD', message: 'Số CCCD 034190012345 trùng với dòng 2' }]);
    expect([r.acceptedCount, r.refusedCount]).toEqual([3, 3]);
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
      memberStatus: MemberStatus.LEFT,
      admittedOn: '2020-01-02',
      decisionNumber: '12/QĐ-CĐCS',
      leftOn: '2024-05-06',
      leftReason: LeaveReason.WITHDREW,
      unionGroup: 'Tổ Kho',
      staffCode: '0b8f4c9e-3c1d-4f7a-9a57-2f1f0e6d1c20',
    };
    const back = await readTabular(await importWorkbookBuffer(STAFF_IMPORT, [row]), STAFF_IMPORT);
    expect(back.ok && back.rows.map((x) => x.values)).toEqual([row]);
  });

  it('reads the code of a person as the export writes it, refuses one that is not, and each code once', async () => {
    const code = '0b8f4c9e-3c1d-4f7a-9a57-2f1f0e6d1c20';
    const r = await readTabular(
      csv([
        ['Họ và tên', 'Giới tính', 'Mã người lao động', 'Tình trạng đoàn viên', 'Lý do ra khỏi tổ chức'],
        ['Người Một', 'Nam', code.toUpperCase(), 'Đoàn viên', ''],
        ['Người Hai', 'Nữ', code, '', ''],
        ['Người Ba', 'Nữ', '12345', 'đã ra khỏi tổ chức', 'Xin ra'],
      ]),
      STAFF_IMPORT,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.rows[0].values).toMatchObject({ staffCode: code, memberStatus: MemberStatus.MEMBER, citizenId: null, birthDate: null });
    expect(r.rows[1].errors).toEqual([{ column: 'Mã người lao động', message: 'Mã người lao động trùng với dòng 2' }]);
    expect(r.rows[2].errors.map((e) => e.column)).toEqual(['Mã người lao động']);
    expect(r.rows[2].values).toMatchObject({ memberStatus: MemberStatus.LEFT, leftReason: LeaveReason.WITHDREW });
  });
});
