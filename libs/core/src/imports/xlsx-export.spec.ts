import { PassThrough } from 'node:stream';
import { FundingType, Ownership } from '@app/domain';
import { defineImportKind } from './column-spec';
import { countType, textType } from './column-types';
import { ENTERPRISE_IMPORT, EnterpriseImportRow } from './enterprise-import';
import { isAcceptedRow, readTabular } from './tabular-import';
import { REASON_HEADING, ROW_NUMBER_HEADING, importWorkbookBuffer, reasonText, refusedRowsBuffer, writeImportWorkbook } from './xlsx-export';
import { sheetXlsx, taxCodes } from './testing/import-fixtures';

const [TC1, TC2, TC3] = taxCodes(3);

const ENTERPRISES: EnterpriseImportRow[] = [
  {
    name: 'Công ty TNHH May "Thái Bình" – chi nhánh 1',
    taxCode: `${TC1}-001`,
    workerCount: 1250,
    address: 'KCN Phúc Khánh, TP Thái Bình',
    district: 'TP Thái Bình',
    sector: 'Dệt may',
    ownership: Ownership.FOREIGN_INVESTED,
    hasUnion: true,
    surveyedOn: '2024-12-31',
    fundingType: FundingType.STATE_BUDGET_PARTIAL,
    fundingTypeFrom: '2021-07-01',
  },
  {
    name: '=HYPERLINK("x")',
    taxCode: TC2,
    workerCount: 0,
    address: null,
    district: null,
    sector: null,
    ownership: null,
    hasUnion: false,
    surveyedOn: null,
    fundingType: null,
    fundingTypeFrom: null,
  },
  {
    name: 'Hợp tác xã Đông Hưng',
    taxCode: TC3,
    workerCount: 30,
    address: 'Thôn Đông',
    district: 'Đông Hưng',
    sector: 'Nông nghiệp',
    ownership: Ownership.COLLECTIVE,
    hasUnion: false,
    surveyedOn: '2025-02-28',
    fundingType: null,
    fundingTypeFrom: null,
  },
];

describe('importWorkbookBuffer', () => {
  it('round-trips: an exported file imports back to the same rows', async () => {
    const xlsx = await importWorkbookBuffer(ENTERPRISE_IMPORT, ENTERPRISES, { title: 'DANH SÁCH DOANH NGHIỆP' });
    const r = await readTabular(xlsx, ENTERPRISE_IMPORT);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.source).toMatchObject({ sheetName: 'Danh sách doanh nghiệp', headingRow: 2, ignoredHeadings: [] });
    expect(r.source.columns.map((c) => c.heading)).toEqual(ENTERPRISE_IMPORT.columns.map((c) => c.heading));
    expect(r.rows.map((row) => row.errors)).toEqual([[], [], []]);
    expect(r.rows.filter(isAcceptedRow).map((row) => row.values)).toEqual(ENTERPRISES);
  });

  it('round-trips without a title, from an async iterable, into a stream', async () => {
    async function* rows() {
      yield* ENTERPRISES;
    }
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await writeImportWorkbook(out, ENTERPRISE_IMPORT, rows(), { sheetName: 'DN: 2025/01' });
    const r = await readTabular(Buffer.concat(chunks), ENTERPRISE_IMPORT);
    expect(r.ok && [r.source.sheetName, r.source.headingRow]).toEqual(['DN  2025 01', 1]);
    expect(r.ok && r.rows.map((row) => row.values)).toEqual(ENTERPRISES);
  });

  it('keeps tax codes as text, leading zeros and all', async () => {
    expect(TC2.startsWith('0')).toBe(true);
    const r = await readTabular(await importWorkbookBuffer(ENTERPRISE_IMPORT, [ENTERPRISES[1]]), ENTERPRISE_IMPORT);
    expect(r.ok && r.rows[0].raw.taxCode).toBe(TC2);
  });
});

describe('refusedRowsBuffer', () => {
  it('writes the refused rows with their row number, original cells and reasons', async () => {
    const upload = await sheetXlsx([
      ['Tên doanh nghiệp', 'Mã số thuế', 'Số lao động', 'Ngày đếm lao động'],
      ['Công ty A', TC1, -5, '31/02/2025'],
      ['Công ty B', TC2, 10, new Date(Date.UTC(2025, 0, 15))],
      ['Công ty C', TC1, 7, null],
    ]);
    const read = await readTabular(upload, ENTERPRISE_IMPORT);
    if (!read.ok) throw new Error('refused');
    const refused = await refusedRowsBuffer(ENTERPRISE_IMPORT, read.rows);

    // The refused file is itself importable: its own headings are found, "Dòng" and "Lý do" are ignored.
    const again = await readTabular(refused, ENTERPRISE_IMPORT);
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    expect(again.source.ignoredHeadings).toEqual([ROW_NUMBER_HEADING, REASON_HEADING]);
    expect(again.rows.map((r) => [r.raw, r.errors.map((e) => e.message)])).toEqual([
      [
        {
          name: 'Công ty A',
          taxCode: TC1,
          workerCount: -5,
          surveyedOn: '31/02/2025',
          address: null,
          district: null,
          sector: null,
          ownership: null,
          hasUnion: null,
          fundingType: null,
          fundingTypeFrom: null,
        },
        ['Số lao động phải từ 0 trở lên', '31/02/2025 không phải là ngày hợp lệ'],
      ],
      [
        {
          name: 'Công ty C',
          taxCode: TC1,
          workerCount: 7,
          surveyedOn: null,
          address: null,
          district: null,
          sector: null,
          ownership: null,
          hasUnion: null,
          fundingType: null,
          fundingTypeFrom: null,
        },
        // Still a duplicate of Công ty A (row 2 of the refused file too).
        ['Trùng mã số thuế với dòng 2'],
      ],
    ]);

    // Row numbers and reasons, read back through the generic reader with a kind made on the spot.
    const report = defineImportKind<{ row: number; reason: string }>({
      id: 'refused-report',
      label: 'Báo cáo',
      columns: [
        { key: 'row', heading: ROW_NUMBER_HEADING, required: true, type: countType() },
        { key: 'reason', heading: REASON_HEADING, required: true, type: textType() },
      ],
    });
    const lines = await readTabular(refused, report);
    expect(lines.ok && lines.rows.map((r) => r.values)).toEqual([
      { row: 2, reason: 'Số lao động phải từ 0 trở lên Ngày đếm lao động: 31/02/2025 không phải là ngày hợp lệ' },
      { row: 4, reason: 'Trùng mã số thuế với dòng 2' },
    ]);
  });
});

describe('reasonText', () => {
  it('names the column unless the message does, one reason a line', () => {
    expect(
      reasonText([
        { column: 'Số lao động', message: 'Số lao động phải từ 0 trở lên' },
        { column: 'Ngày đếm lao động', message: '31/02/2025 không phải là ngày hợp lệ' },
        { column: 'Mã số thuế', message: 'Trùng mã số thuế với dòng 2' },
        { column: null, message: 'Dòng trùng' },
      ]),
    ).toBe('Số lao động phải từ 0 trở lên\nNgày đếm lao động: 31/02/2025 không phải là ngày hợp lệ\nTrùng mã số thuế với dòng 2\nDòng trùng');
  });
});
