import * as iconv from 'iconv-lite';
import { FileErrorCode, ImportRefusal } from './import-common';
import { ENTERPRISE_IMPORT, EnterpriseImportRow } from './enterprise-import';
import { ImportRow, TabularResult, openTabular, readTabular } from './tabular-import';
import { sheetXlsx, streamOf, taxCodes, windows1258 } from './testing/import-fixtures';

const [TC1, TC2, TC3] = taxCodes(3);
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function rowsOf(r: TabularResult<EnterpriseImportRow>): ImportRow<EnterpriseImportRow>[] {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.errors)}`);
  return r.rows;
}

const read = (buf: Buffer) => readTabular(buf, ENTERPRISE_IMPORT);

const REGISTER = [
  'DANH SÁCH DOANH NGHIỆP;;;',
  'Tên doanh nghiệp;Mã số thuế;Số lao động;Địa chỉ;Ngày đếm lao động;Đã có công đoàn',
  `Công ty TNHH Dược phẩm Hưng Yên;${TC1};120;"Số 1; Lê Lợi";31/12/2024;Có`,
  `"Công ty ""Ánh Dương""";${TC2.slice(1)};25;"Thôn Đông,\r\nxã Vũ Tiến";01/02/2025;không`,
  `Công ty Ệ;${TC3};7;;;`,
].join('\r\n');

describe('readTabular, CSV', () => {
  const expectRegister = (rows: ImportRow<EnterpriseImportRow>[]) => {
    expect(rows.map((r) => [r.rowNumber, r.errors])).toEqual([
      [3, []],
      [4, []],
      [5, []],
    ]);
    expect(rows[0].values).toMatchObject({
      name: 'Công ty TNHH Dược phẩm Hưng Yên',
      taxCode: TC1,
      workerCount: 120,
      address: 'Số 1; Lê Lợi',
      surveyedOn: '2024-12-31',
      hasUnion: true,
    });
    // A doubled quote, a line break inside quotes (folded to a space), a tax code that lost its leading zero.
    expect(rows[1].values).toMatchObject({ name: 'Công ty "Ánh Dương"', taxCode: TC2, address: 'Thôn Đông, xã Vũ Tiến', hasUnion: false });
    expect(rows[2].values).toMatchObject({ name: 'Công ty Ệ', address: null, surveyedOn: null, hasUnion: false });
  };

  it('reads UTF-8 with a BOM and a ";" delimiter, under a title row', async () => {
    const r = await read(Buffer.concat([BOM, Buffer.from(REGISTER)]));
    expect(r.ok && r.source).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', headingRow: 2, sheetName: null });
    expectRegister(rowsOf(r));
  });

  it('reads UTF-8 without a BOM', async () => {
    expectRegister(rowsOf(await read(Buffer.from(REGISTER))));
  });

  it('reads Windows-1258, tone marks composed', async () => {
    const r = await read(windows1258(REGISTER));
    expect(r.ok && r.source.encoding).toBe('windows-1258');
    expectRegister(rowsOf(r));
  });

  it('reads UTF-16 "Unicode text" with tabs', async () => {
    const text = REGISTER.replace(/;/g, '\t').replace('"Số 1\t Lê Lợi"', 'Số 1; Lê Lợi');
    const r = await read(iconv.encode(text, 'utf16le', { addBOM: true }));
    expect(r.ok && [r.source.encoding, r.source.delimiter]).toEqual(['utf-16le', '\t']);
    expectRegister(rowsOf(r));
  });

  it('chooses the delimiter under which the headings are found, even when commas outnumber it', async () => {
    const csv = [
      'Tên doanh nghiệp;Mã số thuế;Số lao động;Địa chỉ',
      `A;${TC1};1;Số 1, ngõ 2, phố 3, phường 4, quận 5`,
      `B;${TC2};2;Số 6, ngõ 7, phố 8, phường 9, quận 10`,
    ].join('\n');
    const r = await read(Buffer.from(csv));
    expect(r.ok && r.source.delimiter).toBe(';');
    expect(rowsOf(r)[0].values.address).toBe('Số 1, ngõ 2, phố 3, phường 4, quận 5');
  });

  it('matches headings typed without diacritics, with stray spaces and in capitals', async () => {
    const csv = `Ten doanh nghiep , MA SO  THUE,so lao dong,Huyen/Xa\nA,${TC1},3,Kiến Xương\n`;
    const rows = rowsOf(await read(Buffer.from(csv)));
    expect(rows[0].values).toMatchObject({ name: 'A', taxCode: TC1, workerCount: 3, district: 'Kiến Xương' });
  });

  it('reports dates, counts and tax codes that do not parse', async () => {
    const csv = ['Tên doanh nghiệp,Mã số thuế,Số lao động,Ngày đếm lao động', `A,${TC1},-1,31/02/2025`, 'B,01001O1072,12 người,2025-13-01', `C,${TC1},1,`].join(
      '\n',
    );
    const rows = rowsOf(await read(Buffer.from(csv)));
    expect(rows.map((r) => r.errors.map((e) => e.message))).toEqual([
      ['Số lao động phải từ 0 trở lên', '31/02/2025 không phải là ngày hợp lệ'],
      [
        "Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu '-' và 3 chữ số của chi nhánh",
        'Số lao động phải là số nguyên',
        '2025-13-01 không phải là ngày hợp lệ',
      ],
      ['Trùng mã số thuế với dòng 2'],
    ]);
    expect(rows[1].raw).toEqual({ name: 'B', taxCode: '01001O1072', workerCount: '12 người', surveyedOn: '2025-13-01' });
  });

  it('refuses TCVN3 (ABC) text', async () => {
    expect(await read(iconv.encode(REGISTER, 'tcvn'))).toEqual({
      ok: false,
      errors: [
        {
          code: FileErrorCode.UNSUPPORTED_ENCODING,
          message: 'Tệp dùng bảng mã TCVN3 (ABC), chưa được hỗ trợ: hãy lưu lại dưới dạng Unicode (UTF-8) hoặc XLSX',
        },
      ],
    });
  });

  it('refuses an unclosed quote when no delimiter finds the headings', async () => {
    const r = await read(Buffer.from('"Tên doanh nghiệp,Mã số thuế,Số lao động\nA,B,1\n'));
    expect(!r.ok && r.errors[0]).toEqual({ code: FileErrorCode.CORRUPT, message: 'Tệp CSV có dấu ngoặc kép (") mở ở dòng 1 mà không đóng' });
  });

  it('refuses a file of 100.001 data rows, before any row is handed out', async () => {
    const csv = `Tên doanh nghiệp,Mã số thuế,Số lao động\n${`Công ty,${TC1},1\n`.repeat(100_001)}`;
    const started = Date.now();
    expect(await openTabular(Buffer.from(csv), ENTERPRISE_IMPORT)).toEqual({
      ok: false,
      errors: [{ code: FileErrorCode.TOO_MANY_ROWS, message: 'Tệp có quá 100.000 dòng dữ liệu: hãy chia thành nhiều tệp nhỏ hơn' }],
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('takes exactly the limit, counting only non-empty rows', async () => {
    const csv = `Tên doanh nghiệp,Mã số thuế,Số lao động\nA,${TC1},1\n,,\n\nB,${TC2},2\n`;
    expect(rowsOf(await readTabular(Buffer.from(csv), ENTERPRISE_IMPORT, { maxDataRows: 2 })).map((r) => r.rowNumber)).toEqual([2, 5]);
    expect(await readTabular(Buffer.from(csv), ENTERPRISE_IMPORT, { maxDataRows: 1 })).toMatchObject({
      ok: false,
      errors: [{ code: FileErrorCode.TOO_MANY_ROWS }],
    });
  });

  it('refuses a file without data rows', async () => {
    expect(await read(Buffer.from('Tên doanh nghiệp,Mã số thuế,Số lao động\n,,\n'))).toEqual({
      ok: false,
      errors: [{ code: FileErrorCode.NO_DATA, message: 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề (dòng 1)' }],
    });
  });
});

describe('openTabular', () => {
  it('streams rows as they are consumed', async () => {
    const csv = `Tên doanh nghiệp,Mã số thuế,Số lao động\nA,${TC1},1\nB,${TC2},2\nC,${TC3},3\n`;
    const opened = await openTabular(streamOf(Buffer.from(csv), 7), ENTERPRISE_IMPORT);
    if (!opened.ok) throw new Error('refused');
    expect(opened.source.headingRow).toBe(1);
    const seen: string[] = [];
    for await (const row of opened.rows) {
      seen.push(String(row.values.name));
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(['A', 'B']);
  });

  it('throws an XLSX refusal found after the first rows to the consumer', async () => {
    const xlsx = await sheetXlsx([
      ['Tên doanh nghiệp', 'Mã số thuế', 'Số lao động'],
      ['A', TC1, 1],
      ['B', TC2, 2],
      ['C', TC3, 3],
    ]);
    const opened = await openTabular(xlsx, ENTERPRISE_IMPORT, { maxDataRows: 2 });
    if (!opened.ok) throw new Error('refused');
    const seen: string[] = [];
    let refusal: unknown;
    try {
      for await (const row of opened.rows) seen.push(String(row.values.name));
    } catch (e) {
      refusal = e;
    }
    expect(seen).toEqual(['A', 'B']);
    expect(refusal).toBeInstanceOf(ImportRefusal);
    expect((refusal as ImportRefusal).code).toBe(FileErrorCode.TOO_MANY_ROWS);
  });

  it('refuses at once what can be known before the rows', async () => {
    expect(await openTabular(Buffer.from('a,b\n1,2\n'), ENTERPRISE_IMPORT)).toEqual({
      ok: false,
      errors: [
        {
          code: FileErrorCode.HEADING_NOT_FOUND,
          message: 'Không tìm thấy dòng tiêu đề cột trong 10 dòng đầu của tệp: cần có các cột “Tên doanh nghiệp”, “Mã số thuế”, “Số lao động”',
        },
      ],
    });
  });
});
