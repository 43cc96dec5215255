import * as iconv from 'iconv-lite';
import { Ownership } from '@app/domain';
import { FileErrorCode } from './import-common';
import { ENTERPRISE_IMPORT, EnterpriseImportRow } from './enterprise-import';
import { ImportRow, TabularResult, isAcceptedRow, readTabular } from './tabular-import';
import { XLSX_MARKER_ENTRIES, sheetXlsx, streamOf, taxCodes, xlsxOf, zipOf } from './testing/import-fixtures';

const [TC1, TC2, TC3] = taxCodes(3);
const HEADINGS = ['Tên doanh nghiệp', 'Mã số thuế', 'Số lao động'];

function rowsOf(r: TabularResult<EnterpriseImportRow>): ImportRow<EnterpriseImportRow>[] {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.errors)}`);
  return r.rows;
}

const read = (buf: Buffer) => readTabular(buf, ENTERPRISE_IMPORT);

describe('readTabular, XLSX', () => {
  it('finds headings under a merged title, whatever their case, diacritics and spacing', async () => {
    const xlsx = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.getCell('A1').value = 'DANH SÁCH DOANH NGHIỆP TRÊN ĐỊA BÀN';
      ws.mergeCells('A1:F1');
      ws.getCell('A2').value = 'Kèm theo công văn số 12/LĐLĐ';
      ws.getRow(4).values = ['STT', ' TÊN DOANH  NGHIỆP ', 'ma so thue', 'So lao dong', 'Huyện / Xã', 'Ghi chú'];
      ws.getRow(5).values = [1, 'Công ty TNHH May Thái Bình', TC1, 250, 'Đông Hưng', 'mới'];
      ws.getRow(6).values = [2, 'Công ty CP Dược', TC2, 30, null, null];
    });
    const r = await read(xlsx);
    expect(r.ok && r.source).toEqual({
      format: 'xlsx',
      sheetName: 'DS',
      skippedHiddenSheets: [],
      encoding: null,
      delimiter: null,
      headingRow: 4,
      columns: [
        { key: 'name', heading: 'Tên doanh nghiệp', column: 'B' },
        { key: 'taxCode', heading: 'Mã số thuế', column: 'C' },
        { key: 'workerCount', heading: 'Số lao động', column: 'D' },
        { key: 'district', heading: 'Huyện/Xã', column: 'E' },
      ],
      ignoredHeadings: ['STT', 'Ghi chú'],
    });
    expect(rowsOf(r)).toEqual([
      {
        rowNumber: 5,
        values: {
          name: 'Công ty TNHH May Thái Bình',
          taxCode: TC1,
          workerCount: 250,
          address: null,
          district: 'Đông Hưng',
          sector: null,
          ownership: null,
          hasUnion: false,
          surveyedOn: null,
          fundingType: null,
          fundingTypeFrom: null,
        },
        raw: { name: 'Công ty TNHH May Thái Bình', taxCode: TC1, workerCount: 250, district: 'Đông Hưng' },
        errors: [],
      },
      expect.objectContaining({ rowNumber: 6, errors: [] }),
    ]);
  });

  it('reads every enterprise column, rich text, booleans and dates', async () => {
    const xlsx = await sheetXlsx([
      ['Tên doanh nghiệp', 'Mã số thuế', 'Số lao động', 'Địa chỉ', 'Ngành', 'Loại hình', 'Đã có công đoàn', 'Ngày đếm lao động'],
      [
        { richText: [{ text: 'Công ty ' }, { text: 'Sao Mai', font: { bold: true } }] },
        TC1,
        12,
        'KCN Phúc Khánh',
        'Y tế',
        'FDI',
        'x',
        new Date(Date.UTC(2024, 11, 31)),
      ],
      ['Công ty B', TC2, '1.200', null, null, 'Nhà nước', 'chưa có', 45658],
      ['Công ty C', TC3, 0, null, null, null, true, '15/03/2025'],
    ]);
    const rows = rowsOf(await read(xlsx));
    expect(rows.map((r) => r.errors)).toEqual([[], [], []]);
    expect(rows[0].values).toMatchObject({
      name: 'Công ty Sao Mai',
      address: 'KCN Phúc Khánh',
      sector: 'Y tế',
      ownership: Ownership.FOREIGN_INVESTED,
      hasUnion: true,
      surveyedOn: '2024-12-31',
    });
    expect(rows[1].values).toMatchObject({ workerCount: 1200, ownership: Ownership.STATE, hasUnion: false, surveyedOn: '2025-01-01' });
    expect(rows[2].values).toMatchObject({ workerCount: 0, hasUnion: true, surveyedOn: '2025-03-15' });
  });

  it('refuses bad rows one by one, naming the column in Vietnamese', async () => {
    const xlsx = await sheetXlsx([
      HEADINGS.concat('Ngày đếm lao động'),
      ['Công ty A', TC1, -5, '31/02/2025'],
      ['Công ty B', '0100101073', 10, null],
      ['', Number(TC2), 10, null],
      ['Công ty D', TC1, 7, null],
    ]);
    const rows = rowsOf(await read(xlsx));
    expect(rows.map((r) => [r.rowNumber, r.errors])).toEqual([
      [
        2,
        [
          { column: 'Số lao động', message: 'Số lao động phải từ 0 trở lên' },
          { column: 'Ngày đếm lao động', message: '31/02/2025 không phải là ngày hợp lệ' },
        ],
      ],
      [3, [{ column: 'Mã số thuế', message: 'Mã số thuế 0100101073 sai chữ số kiểm tra' }]],
      [4, [{ column: 'Tên doanh nghiệp', message: 'Chưa nhập Tên doanh nghiệp' }]],
      [5, [{ column: 'Mã số thuế', message: 'Trùng mã số thuế với dòng 2' }]],
    ]);
    // The tax code stored as a number lost its leading zero; it is restored.
    expect(TC2.startsWith('0')).toBe(true);
    expect(rows[2].values.taxCode).toBe(TC2);
    expect(rows[2].raw.taxCode).toBe(Number(TC2));
  });

  it('reads the first visible sheet and says which hidden ones it skipped', async () => {
    const xlsx = await xlsxOf((wb) => {
      const hidden = wb.addWorksheet('Dữ liệu cũ');
      hidden.state = 'hidden';
      hidden.addRow(HEADINGS);
      hidden.addRow(['Cũ', TC3, 1]);
      const ws = wb.addWorksheet('Mới');
      ws.addRow(HEADINGS);
      ws.addRow(['Mới', TC1, 2]);
    });
    const r = await read(xlsx);
    expect(r.ok && [r.source.sheetName, r.source.skippedHiddenSheets]).toEqual(['Mới', ['Dữ liệu cũ']]);
    expect(rowsOf(r).map((x) => x.values.name)).toEqual(['Mới']);
  });

  it('takes a formula by its cached value and refuses a formula without one', async () => {
    const xlsx = await sheetXlsx([
      HEADINGS,
      ['Công ty A', TC1, { formula: '200+50', result: 250 }],
      ['Công ty B', TC2, { formula: 'C2*2' }],
      ['Công ty C', { formula: 'X1', result: { error: '#REF!' } }, 1],
      ['Công ty D', TC3, { error: '#N/A' }],
    ]);
    const rows = rowsOf(await read(xlsx));
    expect(rows[0]).toMatchObject({ errors: [], values: { workerCount: 250 } });
    expect(rows.slice(1).map((r) => r.errors)).toEqual([
      [{ column: 'Số lao động', message: 'Ô chứa công thức không có giá trị' }],
      // An error result is named.
      [{ column: 'Mã số thuế', message: 'Công thức trong ô cho kết quả lỗi #REF!' }],
      [{ column: 'Số lao động', message: 'Ô có giá trị lỗi #N/A' }],
    ]);
  });

  it('reads a merged range from its top-left cell only', async () => {
    const xlsx = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.addRow([...HEADINGS, 'Huyện/Xã']);
      ws.addRow(['Công ty A', TC1, 10, 'Vũ Thư']);
      ws.addRow(['Công ty B', TC2, 20, 'Vũ Thư']);
      ws.mergeCells('D2:D3');
      // A merge over name and tax code: the tax code cell is hidden, so empty.
      ws.addRow(['Công ty C', TC3, 30]);
      ws.mergeCells('A4:B4');
    });
    const rows = rowsOf(await read(xlsx));
    expect(rows.map((r) => [r.values.district, r.errors])).toEqual([
      ['Vũ Thư', []],
      [null, []],
      [null, [{ column: 'Mã số thuế', message: 'Chưa nhập Mã số thuế' }]],
    ]);
  });

  it('refuses a heading row with merged cells', async () => {
    const xlsx = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('DS');
      ws.getRow(2).values = ['Tên doanh nghiệp', null, 'Mã số thuế', 'Số lao động'];
      ws.mergeCells('A2:B2');
      ws.getRow(3).values = ['Công ty A', null, TC1, 1];
    });
    expect(await read(xlsx)).toEqual({
      ok: false,
      errors: [
        {
          code: FileErrorCode.MERGED_HEADING,
          message: 'Dòng tiêu đề (dòng 2) có ô gộp A2:B2: hãy bỏ gộp ô để mỗi cột có một tiêu đề riêng',
        },
      ],
    });
  });

  it('skips empty rows, and rows with only a number in an unknown column (STT)', async () => {
    const xlsx = await sheetXlsx([['STT', ...HEADINGS], [1, 'Công ty A', TC1, 1], [], [2, '  ', null, null], [3, 'Công ty C', TC3, 3]]);
    expect(rowsOf(await read(xlsx)).map((r) => r.rowNumber)).toEqual([2, 5]);
  });

  it('names the missing required columns', async () => {
    const xlsx = await sheetXlsx([
      ['Tên doanh nghiệp', 'Địa chỉ'],
      ['A', 'B'],
    ]);
    expect(await read(xlsx)).toEqual({
      ok: false,
      errors: [{ code: FileErrorCode.MISSING_COLUMNS, message: 'Thiếu cột bắt buộc “Mã số thuế”, “Số lao động” ở dòng tiêu đề (dòng 1)' }],
    });
  });

  it('looks for the heading row in the first 10 rows only', async () => {
    const rows: unknown[][] = Array.from({ length: 10 }, (_, i) => [`Dòng tiêu đề ${i + 1}`]);
    const r = await read(await sheetXlsx([...rows, HEADINGS, ['A', TC1, 1]]));
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          code: FileErrorCode.HEADING_NOT_FOUND,
          message: 'Không tìm thấy dòng tiêu đề cột trong 10 dòng đầu của tệp: cần có các cột “Tên doanh nghiệp”, “Mã số thuế”, “Số lao động”',
        },
      ],
    });
    expect(rowsOf(await read(await sheetXlsx([...rows.slice(1), HEADINGS, ['A', TC1, 1]])))[0].rowNumber).toBe(11);
  });

  it('refuses a column given twice', async () => {
    const r = await read(
      await sheetXlsx([
        [...HEADINGS, 'MST'],
        ['A', TC1, 1, TC2],
      ]),
    );
    expect(!r.ok && r.errors[0]).toEqual({
      code: FileErrorCode.DUPLICATE_COLUMN,
      message: 'Cột “Mã số thuế” xuất hiện nhiều lần ở dòng tiêu đề (dòng 1, các cột B, D): hãy giữ lại một cột',
    });
  });

  it('refuses a sheet typed in TCVN3 (ABC) fonts', async () => {
    const tcvn3 = (s: string) => iconv.decode(iconv.encode(s, 'tcvn'), 'latin1');
    const r = await read(await sheetXlsx([HEADINGS.map(tcvn3), [tcvn3('Công ty Dược'), TC1, 1]]));
    expect(!r.ok && r.errors[0].code).toBe(FileErrorCode.UNSUPPORTED_ENCODING);
  });

  it('refuses a file without data rows', async () => {
    const r = await read(await sheetXlsx([['Danh sách'], HEADINGS, []]));
    expect(r).toEqual({ ok: false, errors: [{ code: FileErrorCode.NO_DATA, message: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề (dòng 2)' }] });
  });

  it('refuses a file that is not XLSX or CSV, whatever its name', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(await read(png)).toEqual({ ok: false, errors: [{ code: FileErrorCode.NOT_XLSX_OR_CSV, message: 'Tệp không phải XLSX hoặc CSV' }] });
  });

  it('refuses a zip bomb without crashing', async () => {
    const bomb = await zipOf([...XLSX_MARKER_ENTRIES, { name: 'xl/worksheets/sheet1.xml', data: { zeros: 300 * 1024 * 1024 } }]);
    const r = await read(bomb);
    expect(!r.ok && r.errors[0].code).toBe(FileErrorCode.ZIP_BOMB);
  }, 30_000);

  it('reads an upload stream as well as a Buffer', async () => {
    const xlsx = await sheetXlsx([HEADINGS, ['A', TC1, 1]]);
    const r = await readTabular(streamOf(xlsx, 1000), ENTERPRISE_IMPORT);
    expect(r.ok && r.rows.filter(isAcceptedRow).map((x) => x.values.taxCode)).toEqual([TC1]);
  });

  it('refuses more data rows than the limit', async () => {
    const xlsx = await sheetXlsx([HEADINGS, ...taxCodes(4).map((tc, i) => [`DN ${i}`, tc, i])]);
    expect(rowsOf(await readTabular(xlsx, ENTERPRISE_IMPORT, { maxDataRows: 4 }))).toHaveLength(4);
    expect(await readTabular(xlsx, ENTERPRISE_IMPORT, { maxDataRows: 3 })).toEqual({
      ok: false,
      errors: [{ code: FileErrorCode.TOO_MANY_ROWS, message: 'Tệp có quá 3 dòng dữ liệu: hãy chia thành nhiều tệp nhỏ hơn' }],
    });
  });
});
