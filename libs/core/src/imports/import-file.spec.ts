import { Readable } from 'node:stream';
import { DEFAULT_IMPORT_LIMITS, FileErrorCode, ImportRefusal, withDefaultLimits } from './import-common';
import { NOT_XLSX_OR_CSV_MESSAGE, detectImportFile, readInput } from './import-file';
import { XLSX_MARKER_ENTRIES, sheetXlsx, streamOf, xlsxOf, zipOf } from './testing/import-fixtures';

const limits = withDefaultLimits();
const MB = 1024 * 1024;

async function refusal(p: Promise<unknown>): Promise<ImportRefusal> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportRefusal) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('readInput', () => {
  it('takes a Buffer or a stream', async () => {
    const buf = Buffer.from('a;b\n1;2\n');
    expect(await readInput(buf, 100)).toBe(buf);
    expect((await readInput(streamOf(buf, 3), 100)).equals(buf)).toBe(true);
  });

  it('refuses an empty file', async () => {
    const r = await refusal(readInput(Buffer.alloc(0), 100));
    expect(r.error).toEqual({ code: FileErrorCode.EMPTY_FILE, message: 'Tệp rỗng, không có dữ liệu' });
  });

  it('refuses a file over the size limit, and stops reading a stream there', async () => {
    expect((await refusal(readInput(Buffer.alloc(2 * MB + 1, 65), 2 * MB))).error).toEqual({
      code: FileErrorCode.FILE_TOO_LARGE,
      message: 'Tệp lớn quá 2 MB: hãy chia thành nhiều tệp nhỏ hơn',
    });
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(64 * 1024, 65));
      },
    });
    expect((await refusal(readInput(endless, MB))).code).toBe(FileErrorCode.FILE_TOO_LARGE);
    expect(pulled).toBeLessThan(40);
  });

  it('has a 20 MB default limit', () => {
    expect(DEFAULT_IMPORT_LIMITS.maxFileBytes).toBe(20 * MB);
  });
});

describe('detectImportFile', () => {
  it('knows an XLSX by its content and names the first visible sheet', async () => {
    const xlsx = await xlsxOf((wb) => {
      wb.addWorksheet('Ẩn').state = 'hidden';
      wb.addWorksheet('Rất ẩn').state = 'veryHidden';
      wb.addWorksheet('Doanh nghiệp').addRow(['x']);
      wb.addWorksheet('Khác').addRow(['y']);
    });
    const d = await detectImportFile(xlsx, limits);
    expect(d).toMatchObject({ format: 'xlsx', sheetName: 'Doanh nghiệp', skippedHiddenSheets: ['Ẩn', 'Rất ẩn'], sheetNumber: 3 });
  });

  it('collects the merged ranges of that sheet', async () => {
    const xlsx = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('A');
      ws.getCell('A1').value = 'Tiêu đề';
      ws.mergeCells('A1:E1');
      ws.mergeCells('B3:C4');
    });
    const d = await detectImportFile(xlsx, limits);
    expect(d.format === 'xlsx' && d.merges).toEqual([
      { top: 1, left: 0, bottom: 1, right: 4 },
      { top: 3, left: 1, bottom: 4, right: 2 },
    ]);
  });

  it('refuses a workbook whose sheets are all hidden', async () => {
    // Excel will not save such a file, but other tools do: written by hand.
    const zip = await zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      {
        name: 'xl/workbook.xml',
        data: Buffer.from('<workbook><sheets><sheet name="A" sheetId="1" state="hidden" r:id="rId1"/></sheets></workbook>'),
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: Buffer.from(
          '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml" ' +
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>',
        ),
      },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>') },
    ]);
    expect((await refusal(detectImportFile(zip, limits))).error).toEqual({
      code: FileErrorCode.NO_VISIBLE_SHEET,
      message: 'Tệp không có trang tính nào đang hiện để đọc',
    });
  });

  it('refuses a sheet with more merged ranges than the limit', async () => {
    const xlsx = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('Gộp');
      ws.mergeCells('A1:B1');
      ws.mergeCells('A2:B2');
    });
    await expect(detectImportFile(xlsx, withDefaultLimits({ maxMergedRanges: 1 }))).rejects.toMatchObject({
      code: FileErrorCode.TOO_MANY_MERGED_CELLS,
      message: 'Trang tính “Gộp” có quá nhiều vùng ô gộp',
    });
  });

  it('refuses a worksheet stored under a name the streaming reader cannot address', async () => {
    const zip = await zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets><sheet name="DN" sheetId="1" r:id="rId1"/></sheets></workbook>') },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: Buffer.from(
          '<Relationships><Relationship Id="rId1" Target="worksheets/data.xml" ' +
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/></Relationships>',
        ),
      },
      { name: 'xl/worksheets/data.xml', data: Buffer.from('<worksheet/>') },
    ]);
    expect((await refusal(detectImportFile(zip, limits))).error).toEqual({
      code: FileErrorCode.UNSUPPORTED_SHEET,
      message: 'Không đọc được trang tính “DN”: hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx',
    });
  });

  it('takes text for CSV', async () => {
    expect(await detectImportFile(Buffer.from('Tên doanh nghiệp;Mã số thuế\n'), limits)).toEqual({ format: 'csv' });
  });

  it.each([
    ['a PDF', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 3, 0xff, 0x00])])],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['an empty zip', Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)])],
  ])('refuses %s renamed .xlsx', async (_label, bytes) => {
    expect((await refusal(detectImportFile(bytes, limits))).error).toEqual({
      code: FileErrorCode.NOT_XLSX_OR_CSV,
      message: NOT_XLSX_OR_CSV_MESSAGE,
    });
    expect(NOT_XLSX_OR_CSV_MESSAGE).toBe('Tệp không phải XLSX hoặc CSV');
  });

  it('refuses a zip that is not a workbook (a .docx, an archive)', async () => {
    const zip = await zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<document/>') },
    ]);
    expect((await refusal(detectImportFile(zip, limits))).code).toBe(FileErrorCode.NOT_XLSX_OR_CSV);
  });

  it('explains an Excel 97-2003 or password-protected file', async () => {
    const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const r = await refusal(detectImportFile(ole2, limits));
    expect(r.code).toBe(FileErrorCode.LEGACY_OR_ENCRYPTED_EXCEL);
    expect(r.message).toContain('Tệp không phải XLSX hoặc CSV');
    expect(r.message).toContain('.xls');
  });

  it('refuses a truncated XLSX as corrupt', async () => {
    const xlsx = await sheetXlsx([['Tên doanh nghiệp'], ['Công ty A']]);
    const r = await refusal(detectImportFile(xlsx.subarray(0, Math.floor(xlsx.length / 2)), limits));
    expect(r.error).toEqual({ code: FileErrorCode.CORRUPT, message: 'Tệp XLSX bị hỏng hoặc tải lên chưa trọn vẹn, không đọc được' });
  });

  it('refuses a zip with an encrypted entry', async () => {
    const zip = await zipOf([...XLSX_MARKER_ENTRIES, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('x'), encrypted: true }]);
    expect((await refusal(detectImportFile(zip, limits))).error).toEqual({
      code: FileErrorCode.ENCRYPTED,
      message: 'Tệp được mã hoá bằng mật khẩu: hãy bỏ mật khẩu rồi tải lên lại',
    });
  });
});

describe('zip bomb guard', () => {
  it('refuses 300 MB of zeros before inflating them', async () => {
    const bomb = await zipOf([...XLSX_MARKER_ENTRIES, { name: 'xl/worksheets/sheet1.xml', data: { zeros: 300 * MB } }]);
    expect(bomb.length).toBeLessThan(MB);
    const started = Date.now();
    const r = await refusal(detectImportFile(bomb, limits));
    expect(r.code).toBe(FileErrorCode.ZIP_BOMB);
    expect(r.message).toBe('Tệp XLSX khi giải nén quá lớn (301 MB, tối đa 200 MB): hãy chia thành nhiều tệp nhỏ hơn');
    expect(Date.now() - started).toBeLessThan(1000);
  }, 30_000);

  it('refuses an absurd compression ratio below the size limit', async () => {
    const bomb = await zipOf([...XLSX_MARKER_ENTRIES, { name: 'xl/sharedStrings.xml', data: { zeros: 50 * MB } }]);
    const r = await refusal(detectImportFile(bomb, limits));
    expect(r.error).toEqual({
      code: FileErrorCode.ZIP_BOMB,
      message: 'Tệp XLSX có tỉ lệ nén bất thường (có thể là tệp độc hại), không đọc được',
    });
  });

  it('refuses an entry that inflates to more than its header declares', async () => {
    const liar = await zipOf([...XLSX_MARKER_ENTRIES, { name: 'xl/sharedStrings.xml', data: { zeros: 5 * MB }, declaredSize: 1024 }]);
    expect((await refusal(detectImportFile(liar, limits))).code).toBe(FileErrorCode.CORRUPT);
  });

  it('refuses an entry hidden from the central directory', async () => {
    const smuggler = await zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/sharedStrings.xml', data: { zeros: MB }, hidden: true },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    ]);
    expect((await refusal(detectImportFile(smuggler, limits))).code).toBe(FileErrorCode.CORRUPT);
  });

  it('lets a real workbook through with its own limits', async () => {
    const xlsx = await sheetXlsx([['Tên doanh nghiệp'], ['Công ty A']]);
    await expect(detectImportFile(xlsx, withDefaultLimits({ maxUncompressedBytes: 1024 }))).rejects.toMatchObject({
      code: FileErrorCode.ZIP_BOMB,
    });
    await expect(detectImportFile(xlsx, limits)).resolves.toMatchObject({ format: 'xlsx' });
  });
});
